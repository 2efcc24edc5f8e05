import { allowedNavigation } from './navigation.js';

/** The parts of Electron's WebContents and Session this file touches, so it runs without Electron. */
interface Preventable {
  preventDefault(): void;
}
interface FrameNavigation extends Preventable {
  url: string;
  isMainFrame: boolean;
}
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-frame-navigate', listener: (details: FrameNavigation) => void): unknown;
  on(event: 'will-redirect', listener: (event: FrameNavigation) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}
export interface GuardedSession {
  setPermissionRequestHandler(handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (wc: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

/**
 * Every web contents (the desk window and the hidden print windows) stays on the app: links, scripts,
 * subframes and server redirects towards anything else are cancelled; no new windows, no webviews.
 */
export function guardWebContents(contents: GuardedContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!allowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (details) => {
    if (!allowedNavigation(details.url, details.isMainFrame)) details.preventDefault();
  });
  contents.on('will-redirect', (details) => {
    if (!allowedNavigation(details.url, details.isMainFrame)) details.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * The desk needs no browser permission: the scanner types like a keyboard and photos come from a file
 * picker. So camera, microphone, notifications, clipboard reading, HID/serial/USB are all refused,
 * both when a page asks (request) and when it only checks whether it may (check).
 */
export function guardSession(session: GuardedSession): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
