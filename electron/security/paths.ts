import path from 'node:path';

type PathApi = Pick<typeof path, 'resolve' | 'join' | 'sep'>;

/**
 * True when `target` is `root` or lies under it. Compared on whole segments (root plus a separator),
 * so `/app/dist/renderer-evil/x` is not inside `/app/dist/renderer`. Both are resolved first, so `..`
 * cannot climb out. `pathApi` lets a test check the Windows rules on any machine.
 */
export function isInsideRoot(root: string, target: string, pathApi: PathApi = path): boolean {
  const base = pathApi.resolve(root);
  const full = pathApi.resolve(target);
  const withSep = base.endsWith(pathApi.sep) ? base : base + pathApi.sep;
  return full === base || full.startsWith(withSep);
}

/**
 * The file an app:// path names inside the renderer folder, or null when the path is malformed
 * (bad %-escape, NUL) or leads outside it, e.g. `..%2f..%2f` or `%5c..%5c` decoded into separators.
 */
export function rendererFileFor(root: string, pathname: string, pathApi: PathApi = path): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = pathApi.join(root, decoded === '/' || decoded === '' ? 'index.html' : decoded);
  return isInsideRoot(root, file, pathApi) && pathApi.resolve(file) !== pathApi.resolve(root) ? file : null;
}
