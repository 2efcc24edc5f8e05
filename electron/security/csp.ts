/**
 * Same CSP for the Electron window and the desk server: only the app's own origin, no inline scripts, never
 * inside a frame. Its own module so the Electron main process does not load fastify for a string.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; frame-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; " +
  "frame-ancestors 'none'";
