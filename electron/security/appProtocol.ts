import { join } from 'node:path';
import { rendererFileFor } from './paths.js';

/**
 * The app's CSP plus `frame-ancestors 'none'`: no other page may frame the desk (clickjacking a PIN
 * pad). It only works as a header, which is how app:// sends it; kept once if the base has it already.
 */
export function withFrameAncestorsNone(csp: string): string {
  if (/(^|;)\s*frame-ancestors\s/.test(csp)) return csp;
  return `${csp.replace(/;\s*$/, '')}; frame-ancestors 'none'`;
}

export type FetchFile = (file: string) => Promise<Response>;

/**
 * Answers an app:// request from the renderer folder: 403 outside it, the SPA's index.html for a
 * missing file, and the CSP on every answer. Electron-free so it can be tested on files.
 */
export async function serveAppRequest(url: string, rendererDir: string, fetchFile: FetchFile, csp: string): Promise<Response> {
  const file = rendererFileFor(rendererDir, new URL(url).pathname);
  if (!file) return new Response('forbidden', { status: 403, headers: { 'Content-Security-Policy': csp } });
  const response = await fetchFile(file).catch(() => fetchFile(join(rendererDir, 'index.html')));
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', csp);
  return new Response(response.body, { status: response.status, headers });
}
