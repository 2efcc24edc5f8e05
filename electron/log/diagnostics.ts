import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import type { Services } from '../api/context.js';
import { deskHealth } from './health.js';
import { logFiles } from './deskLog.js';
import { scrubText } from './scrub.js';
import { zip } from './zip.js';
import { APP_VERSION } from '../version.js';

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

/** Crash dumps Electron wrote (names and sizes only: a dump holds memory, so it may hold personal data). */
function crashDumps(dir: string): { file: string; bytes: number; at: string }[] {
  const out: { file: string; bytes: number; at: string }[] = [];
  const walk = (d: string, prefix: string) => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d)) {
      const st = statSync(join(d, name));
      if (st.isDirectory()) walk(join(d, name), `${prefix}${name}/`);
      else if (name.endsWith('.dmp')) out.push({ file: `${prefix}${name}`, bytes: st.size, at: st.mtime.toISOString() });
    }
  };
  walk(dir, '');
  return out;
}

/**
 * 导出诊断包: what support needs to see why a desk misbehaves — the log files (personal data never
 * enters them), the sync status, the health the desk reports to HQ, versions and this desk's settings.
 * Not in it: the database, backups, keys, the HQ secret, crash dumps' contents, any visitor or staff record.
 */
export async function diagnosticsPackage(services: Services): Promise<{ fileName: string; data: Buffer }> {
  const now = services.clock();
  const site = await services.site();
  const sync = await services.sync.status();
  const entries: { name: string; data: Buffer }[] = [];
  const logDir = join(services.dataDir, 'logs');
  for (const f of logFiles(logDir)) entries.push({ name: `logs/${f.name}`, data: readFileSync(join(logDir, f.name)) });
  entries.push({
    name: 'versions.json',
    data: json({
      app: APP_VERSION,
      schema: SCHEMA_VERSION,
      node: process.versions.node,
      electron: process.versions.electron ?? null,
      chrome: process.versions.chrome ?? null,
      platform: process.platform,
      arch: process.arch,
    }),
  });
  entries.push({
    name: 'desk.json',
    data: json(
      site ? { siteCode: site.siteCode, deviceCode: site.deviceCode, siteId: site.siteId, deviceId: site.deviceId } : null,
    ),
  });
  entries.push({
    name: 'sync-status.json',
    data: json({ ...sync, lastError: sync.lastError ? scrubText(sync.lastError) : null }),
  });
  entries.push({
    name: 'health.json',
    data: json(
      await deskHealth(services.db, {
        dataDir: services.dataDir,
        log: services.log,
        now,
        clockOffsetMs: services.sync.deskClock.reading().offsetMs,
      }),
    ),
  });
  entries.push({ name: 'settings.json', data: json(await services.settings()) });
  entries.push({ name: 'crashes.json', data: json(crashDumps(join(services.dataDir, 'crashes'))) });
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const fileName = `lobbydesk-diagnostics-${site ? `${site.siteCode}-${site.deviceCode}-` : ''}${stamp}.zip`;
  return { fileName, data: await zip(entries, now) };
}
