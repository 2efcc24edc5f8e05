import type { Layout } from '../../shared/print/html.js';

/**
 * How this process turns a print document into paper or PDF. Electron prints silently through a
 * hidden window; the desk server leaves paper to the browser's print dialog and renders PDFs with
 * a headless Chromium when one is installed.
 */
export interface PrintBackend {
  readonly mode: 'electron' | 'browser';
  /** Sends a document to a printer; only in Electron (the browser prints from the renderer). */
  print?: (html: string, opts: { layout: Layout; deviceName: string }) => Promise<void>;
  /** Renders a document to PDF bytes, or says why it cannot. */
  pdf: (html: string, layout: Layout) => Promise<Buffer>;
  close: () => Promise<void>;
}
