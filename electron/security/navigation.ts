/** The renderer's only origin: a privileged custom scheme, never file:// or http://. */
export const APP_ORIGIN = 'app://desk';

/** True for a URL on the app's own origin (parsed, so `app://desk.evil/` or `app://desk@evil/` do not pass). */
export function isAppUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === 'app:' && u.host === 'desk' && u.username === '' && u.password === '';
}

/**
 * Subframes may also hold an inline document: the print preview is an `<iframe srcdoc sandbox>`,
 * which loads as about:srcdoc (about:blank before it). Neither can bring in foreign content.
 */
const INLINE_FRAME_URLS = new Set(['about:srcdoc', 'about:blank']);

/**
 * Whether a navigation or redirect to `url` may go ahead. The window only ever shows the app; a link,
 * a script or a server redirect towards anything else (a phishing page, file://, a data: URL) is
 * refused, in the main frame and in every subframe alike.
 */
export function allowedNavigation(url: string, isMainFrame = true): boolean {
  if (isAppUrl(url)) return true;
  return !isMainFrame && INLINE_FRAME_URLS.has(url);
}
