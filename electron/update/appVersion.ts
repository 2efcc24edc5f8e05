import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * This build's version where no Electron `app.getVersion()` is at hand (the desk server, tests):
 * npm's `npm_package_version`, else package.json in the working folder, else 0.0.0.
 */
export function deskAppVersion(): string {
  if (process.env.npm_package_version) return process.env.npm_package_version;
  try {
    return (JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
