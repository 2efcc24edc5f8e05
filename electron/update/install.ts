import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, renameSync } from 'node:fs';
import type { DeskInstaller } from './updater.js';

/**
 * How a verified release is put in place, by platform, as electron-updater does it: the NSIS
 * installer silently (`/S`) with `--updated --force-run` (it closes the app, installs and starts the
 * new version); an AppImage replaces the running file (`APPIMAGE`) and starts again. Elsewhere (deb,
 * macOS, the desk server) there is no installer: the release waits, shown as ready, for the IT person.
 * `quit` ends the app once the installer runs (Electron: app.quit(), which closes the backend first).
 */
export function platformInstaller(o: {
  platform: string;
  quit: () => void;
  relaunch?: () => void;
  appImage?: string;
}): DeskInstaller | undefined {
  if (o.platform === 'win32')
    return {
      async install(file) {
        spawn(file, ['--updated', '/S', '--force-run'], { detached: true, stdio: 'ignore' }).unref();
        o.quit();
      },
    };
  if (o.platform === 'linux' && o.appImage && isAppImage(o.appImage))
    return {
      async install(file) {
        copyFileSync(file, `${o.appImage}.new`);
        chmodSync(`${o.appImage}.new`, 0o755);
        renameSync(`${o.appImage}.new`, o.appImage!);
        o.relaunch?.();
        o.quit();
      },
    };
  return undefined;
}

const isAppImage = (p: string) => /\.appimage$/i.test(p);
