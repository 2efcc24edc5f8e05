import {
  app,
  BrowserWindow,
  crashReporter,
  dialog,
  ipcMain,
  Menu,
  net,
  protocol,
  session,
  type IpcMainInvokeEvent,
} from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBackend, type Backend } from './backend.js';
import { openDataFolder } from './dataDir.js';
import { electronPrintBackend } from './mainPrint.js';
import { electronHqPost } from './mainNet.js';
import { desktopSecretStore } from './mainSecret.js';
import { serveAppRequest, withFrameAncestorsNone } from './security/appProtocol.js';
import { guardSession, guardWebContents } from './security/harden.js';
import { menuTemplate } from './security/menu.js';
import { APP_ORIGIN, isAppUrl } from './security/navigation.js';
import { CONTENT_SECURITY_POLICY } from './security/csp.js';
import { platformInstaller } from './update/install.js';
import { readyRelease, updatesFolder } from './update/updater.js';
import { compareVersions } from '../shared/sync/version.js';
import { fileLog, type DeskLog } from './log/deskLog.js';
import { startFailure } from './log/startFailure.js';

/**
 * The desk app. The renderer is served from the privileged app:// scheme (not file://), runs
 * sandboxed with context isolation and no Node, and reaches the backend only through the preload.
 */
const rendererDir = join(__dirname, '..', 'renderer');
const APP_CSP = withFrameAncestorsNone(CONTENT_SECURITY_POLICY);

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) app.quit();

let backend: Backend | undefined;
let mainWindow: BrowserWindow | undefined;
let log: DeskLog | undefined;

function isOurFrame(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return event.sender === mainWindow?.webContents && isAppUrl(url);
}

async function start(): Promise<void> {
  const { dir: dataDir, scope } = openDataFolder(app.getPath('userData'));
  const shared = scope === 'machine';
  // The thin shell of the desk's updates (electron/update/): the installer runs at handover or, for a
  // release downloaded before this start, now, before the database is opened (no transaction to cut).
  const installer = platformInstaller({
    platform: process.platform,
    quit: () => app.quit(),
    relaunch: () => app.relaunch(),
    appImage: process.env.APPIMAGE,
  });
  const ready = app.isPackaged && installer ? await readyRelease(dataDir) : null;
  if (ready && installer && compareVersions(ready.version, app.getVersion()) > 0)
    return installer.install(join(updatesFolder(dataDir), ready.file), ready.version);
  log = fileLog(join(dataDir, 'logs'));
  // Crash dumps stay on this PC, in the data folder (the diagnostics package lists them, never sends them).
  app.setPath('crashDumps', join(dataDir, 'crashes'));
  crashReporter.start({ uploadToServer: false });
  backend = await createBackend({
    appVersion: app.getVersion(),
    installer,
    dataDir,
    log,
    mode: 'electron',
    printer: electronPrintBackend(),
    secrets: desktopSecretStore(dataDir, undefined, shared),
    // The ID key ring and the field key sealed by the OS keychain, as the HQ secret is.
    keyStores: (name) => desktopSecretStore(dataDir, name, shared),
    hqPost: electronHqPost(),
    // A packaged desk logs an output mismatch and fails the call; a development build rejects it loudly.
    strictOutputs: !app.isPackaged,
  });
  watchConnectivity(backend);

  protocol.handle('app', (request) =>
    serveAppRequest(request.url, rendererDir, (file) => net.fetch(pathToFileURL(file).toString()), APP_CSP),
  );
  guardSession(session.defaultSession);
  // The default menu has Toggle Developer Tools; a packaged desk gets one without it.
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(app.isPackaged)));

  ipcMain.handle('desk:call', async (event, name: unknown, input: unknown) => {
    if (!isOurFrame(event)) return { ok: false, error: { code: 'forbidden', message: 'err.forbidden' } };
    if (typeof name !== 'string') return { ok: false, error: { code: 'invalid_input', message: 'err.invalidInput' } };
    return backend!.router(name, input, `wc-${event.sender.id}`);
  });

  mainWindow = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    title: 'LobbyDesk',
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  backend.subscribe((notice) => mainWindow?.webContents.send('desk:notice', notice));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  await mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

/** The network came back (the lobby's link drops often): sync at once instead of waiting out the backoff. */
function watchConnectivity(b: Backend): void {
  let online = net.isOnline();
  setInterval(() => {
    const now = net.isOnline();
    if (now && !online) b.services.sync.connectivityRegained();
    online = now;
  }, 5000).unref();
}

// Navigation, redirects and new windows are blocked for every web contents, including print windows.
app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

app
  .whenReady()
  .then(start)
  .catch((e: unknown) => {
    const failure = startFailure(e, log?.dir ?? null);
    log?.error('desk.startFailed', e, { mode: 'electron', exitCode: failure.exitCode });
    dialog.showErrorBox(failure.title, failure.detail);
    app.exit(failure.exitCode);
  });

app.on('render-process-gone', (_event, _contents, details) =>
  log?.warn('renderer.gone', { reason: details.reason, exitCode: details.exitCode }),
);
app.on('window-all-closed', () => app.quit());
app.on('before-quit', () => void backend?.close().finally(() => log?.close()));
