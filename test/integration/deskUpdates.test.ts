import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../hq/src/cli.js';
import { DeskUpdater, readyRelease, updatesFolder } from '../../electron/update/updater.js';
import { fileSecretStore } from '../../electron/sync/secret.js';
import { parseFeedYaml } from '../../shared/sync/updateFeed.js';
import { DESK_COMPATIBILITY } from '../../shared/sync/version.js';
import { ADMIN, type TestDesk } from '../support/desk.js';
import { hqSuite } from '../support/hqSuite.js';
import { syncClientFor } from '../support/sync.js';
import { createSite, issueEnrollCode } from '../../hq/src/store/admin.js';

// Over HTTPS with HQ's self-signed certificate: releases come over the pinned connection, as sync does.
const suite = hqSuite({ tls: true });

/** A fake installer: random bytes under electron-builder's file name. */
function fakeInstaller(name: string, bytes = 200_000): string {
  const path = join(mkdtempSync(join(tmpdir(), 'lobbydesk-release-')), name);
  writeFileSync(path, randomBytes(bytes));
  return path;
}

async function hq(...args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runCli(suite.hq.db, args, (l) => lines.push(l), { updatesDir: suite.hq.updatesDir });
  return { code, lines };
}

const installs: string[] = [];
function updaterFor(desk: TestDesk, appVersion: string, platform = 'win32') {
  return new DeskUpdater({
    db: desk.backend.services.db,
    dataDir: desk.dataDir,
    secrets: fileSecretStore(desk.dataDir),
    appVersion,
    platform,
    installer: { install: async (file, version) => void installs.push(`${version} ${file}`) },
    callsInFlight: () => 0,
  });
}

/** A desk enrolled as at the sync page: over HTTPS, pinning the fingerprint HQ printed. */
async function enrolledDesk(code = 'A1') {
  const desk = await suite.openDesk({ deviceCode: code });
  const siteId = await createSite(suite.hq.db, { code: 'HY', name: '华远大厦', kind: 'mixed' });
  await desk.backend.services.sync.enroll(
    suite.hq.url,
    await issueEnrollCode(suite.hq.db, siteId, code),
    suite.hq.tls!.fingerprint,
  );
  return desk;
}

describe('desk updates from HQ (issue 19)', () => {
  it('publish-desk writes the generic feed; a desk downloads the newer release, verifies it and installs only between shifts', async () => {
    const desk = await enrolledDesk();

    const installer = fakeInstaller('LobbyDesk Setup 0.2.0.exe');
    const published = await hq('publish-desk', installer);
    expect(published.code).toBe(0);
    expect(published.lines[0]).toMatch(/published LobbyDesk Setup 0\.2\.0\.exe as desk 0\.2\.0 on the stable channel/);
    const feed = parseFeedYaml(readFileSync(join(suite.hq.updatesDir, 'stable', 'latest.yml'), 'utf8'));
    const { createHash } = await import('node:crypto');
    expect(feed).toMatchObject({
      version: '0.2.0',
      path: 'LobbyDesk Setup 0.2.0.exe',
      sha512: createHash('sha512').update(readFileSync(installer)).digest('base64'),
      files: [{ url: 'LobbyDesk Setup 0.2.0.exe', size: 200_000 }],
    });

    const up = updaterFor(desk, '0.1.0');
    const s = await up.check();
    expect(s).toMatchObject({ state: 'ready', version: '0.2.0', channel: 'stable', error: null });
    const ready = await readyRelease(desk.dataDir);
    expect(readFileSync(join(updatesFolder(desk.dataDir), ready!.file))).toEqual(readFileSync(installer));

    // A shift is open (the test desk opened one): nothing installs, whatever the timer says.
    installs.length = 0;
    expect(await up.installIfBetweenShifts()).toBe('shift_open');
    expect(installs).toEqual([]);
    // A call being handled: not even between shifts.
    await desk.ok('shift:close', { note: '', pin: ADMIN.pin });
    const busy = new DeskUpdater({
      db: desk.backend.services.db,
      dataDir: desk.dataDir,
      secrets: fileSecretStore(desk.dataDir),
      appVersion: '0.1.0',
      installer: { install: async () => void installs.push('busy') },
      callsInFlight: () => 1,
    });
    expect(await busy.installIfBetweenShifts()).toBe('busy');
    // After the handover, with no call in flight: the installer runs with the verified file.
    expect(await up.installIfBetweenShifts()).toBe('installing');
    expect(installs).toEqual([`0.2.0 ${join(updatesFolder(desk.dataDir), 'LobbyDesk Setup 0.2.0.exe')}`]);

    // The new build starts: the release it is is removed, never installed twice.
    const after = updaterFor(desk, '0.2.0');
    await after.load();
    expect(await readyRelease(desk.dataDir)).toBeNull();
    expect(await after.check()).toMatchObject({ state: 'idle', channel: 'stable' });
  });

  it('the status the desk shows: ready with its version, through sync:status', async () => {
    const desk = await enrolledDesk();
    await hq('publish-desk', fakeInstaller('LobbyDesk-0.2.0.AppImage'));
    await desk.backend.updater.check();
    const status = await desk.ok('sync:status', undefined);
    // The backend's own updater reads package.json's version (0.1.0) and this machine's feed (linux).
    expect(status.update).toMatchObject({ state: 'ready', version: '0.2.0' });
    expect(status.appVersion).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('channels: a pilot site gets the pilot build, a stable site never does; no downgrade', async () => {
    const desk = await enrolledDesk();
    await hq('publish-desk', fakeInstaller('LobbyDesk Setup 0.2.0.exe'));
    const pilot = await hq('publish-desk', fakeInstaller('LobbyDesk Setup 0.3.0-pilot.1.exe'), '--channel', 'pilot');
    expect(pilot.code).toBe(0);
    expect(await updaterFor(desk, '0.1.0').check()).toMatchObject({ state: 'ready', version: '0.2.0', channel: 'stable' });

    // The site becomes a pilot site (publish-desk --sites does the same): its desk takes the pilot build next.
    expect((await hq('set-channel', 'pilot', 'HY')).lines).toEqual(['site HY: desks update from the pilot channel']);
    expect(await updaterFor(desk, '0.2.0').check()).toMatchObject({ state: 'ready', version: '0.3.0-pilot.1', channel: 'pilot' });

    // Back on stable, a desk already at the pilot build is not taken back to 0.2.0.
    await hq('set-channel', 'stable', 'HY');
    expect(await updaterFor(desk, '0.3.0-pilot.1').check()).toMatchObject({ state: 'idle', channel: 'stable' });

    // HQ refuses another channel's files to this site's desk, and anything to a caller without the desk's credential.
    const secret = readFileSync(join(desk.dataDir, 'hq-secret'), 'utf8');
    const deviceId = (desk.backend.database.raw.prepare('SELECT device_id FROM sync_state').get() as { device_id: string })
      .device_id;
    const { getFromHq } = await import('../../electron/sync/transport.js');
    const get = (path: string, headers: Record<string, string>) =>
      getFromHq(new URL(path, suite.hq.url), headers, { pin: suite.hq.tls!.fingerprint, timeoutMs: 10_000 });
    const auth = { 'x-device-id': deviceId, authorization: `Bearer ${secret}` };
    expect((await get('/updates/pilot/latest.yml', auth)).status).toBe(403);
    expect((await get('/updates/stable/latest.yml', {})).status).toBe(401);
    expect((await get('/updates/stable/..%2Fpilot%2Flatest.yml', auth)).status).toBe(404);
    expect((await get('/updates/stable/latest.yml', auth)).status).toBe(200);

    // Bad input at the command: nothing published.
    expect((await hq('publish-desk', fakeInstaller('notes.txt'))).lines[0]).toMatch(/not a desk installer/);
    expect((await hq('publish-desk', fakeInstaller('LobbyDesk Setup.exe'))).lines[0]).toMatch(/--version/);
    expect((await hq('publish-desk', fakeInstaller('LobbyDesk Setup 0.4.0.exe'), '--channel', 'beta')).code).toBe(1);
    expect((await hq('publish-desk', fakeInstaller('LobbyDesk Setup 0.4.0.exe'), '--sites', 'NOPE')).lines[0]).toMatch(
      /No site with code NOPE/,
    );
    expect(parseFeedYaml(readFileSync(join(suite.hq.updatesDir, 'stable', 'latest.yml'), 'utf8')).version).toBe('0.2.0');
  });

  it('a download whose SHA-512 is not the feed’s is refused and nothing is kept', async () => {
    const desk = await enrolledDesk();
    await hq('publish-desk', fakeInstaller('LobbyDesk Setup 0.2.0.exe'));
    // The file changes on HQ's disk after it was published (same size, other bytes).
    writeFileSync(join(suite.hq.updatesDir, 'stable', 'LobbyDesk Setup 0.2.0.exe'), randomBytes(200_000));
    const s = await updaterFor(desk, '0.1.0').check();
    expect(s.state).toBe('failed');
    expect(s.error).toMatch(/SHA-512 is not the feed's/);
    expect(await readyRelease(desk.dataDir)).toBeNull();
    expect(existsSync(join(updatesFolder(desk.dataDir), 'LobbyDesk Setup 0.2.0.exe'))).toBe(false);
    expect(existsSync(join(updatesFolder(desk.dataDir), 'LobbyDesk Setup 0.2.0.exe.part'))).toBe(false);
  });

  it('a desk too old to sync keeps its queue and still gets the release that brings it back', async () => {
    const desk = await enrolledDesk();
    await hq('publish-desk', fakeInstaller('LobbyDesk Setup 0.2.0.exe'));
    const tooOld = syncClientFor(desk, { schemaVersion: DESK_COMPATIBILITY.minSchemaVersion - 1, appVersion: '0.0.9' });
    await tooOld.syncNow();
    const status = await desk.ok('sync:status', undefined);
    expect(status.lastError).toMatch(/^upgrade_required:/);
    expect(status.waiting).toBeGreaterThan(0);
    expect(await updaterFor(desk, '0.0.9').check()).toMatchObject({ state: 'ready', version: '0.2.0' });
  });

  it('hq devices shows which release each desk runs', async () => {
    const desk = await enrolledDesk();
    await syncClientFor(desk, { appVersion: '0.2.0' }).syncNow();
    const { lines } = await hq('devices', 'HY');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^A1\t.*\tapp 0\.2\.0\t/);
  });
});
