import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileLog, logFiles } from '../../electron/log/deskLog.js';
import { scrubText } from '../../electron/log/scrub.js';
import { START_EXIT, startFailure } from '../../electron/log/startFailure.js';
import { zip } from '../../electron/log/zip.js';
import { NewerDatabaseError } from '../../db/open.js';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'lobbydesk-log-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the desk log files', () => {
  it('writes one JSON line per event into the day’s file, 0600', () => {
    const dir = tempDir();
    const log = fileLog(dir, { clock: () => new Date('2026-12-02T08:00:00Z') });
    log.info('desk.start', { version: '0.1.0', schema: 17 });
    log.error('sync.round', new Error('HQ answered 503'), { outcome: 'failed', code: 'unavailable' });
    log.close();
    expect(readdirSync(dir)).toEqual(['desk-2026-12-02.log']);
    const lines = readFileSync(join(dir, 'desk-2026-12-02.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ t: '2026-12-02T08:00:00.000Z', level: 'info', event: 'desk.start', version: '0.1.0', schema: 17 });
    expect(lines[1]).toMatchObject({
      level: 'error',
      event: 'sync.round',
      code: 'unavailable',
      message: 'Error: HQ answered 503',
    });
    if (process.platform !== 'win32') expect(statSync(join(dir, 'desk-2026-12-02.log')).mode & 0o777).toBe(0o600);
  });

  it('starts a new file each day and a new part past the size cap, and keeps 7 days within the total cap', () => {
    const dir = tempDir();
    // Files an older run left: ten days back, and one of last week.
    writeFileSync(join(dir, 'desk-2026-11-20.log'), 'old\n');
    writeFileSync(join(dir, 'desk-2026-11-26.log'), 'kept\n');
    writeFileSync(join(dir, 'notes.txt'), 'not a log');
    let now = new Date('2026-12-01T23:59:00Z');
    const log = fileLog(dir, { clock: () => now, limits: { keepDays: 7, maxFileBytes: 400, maxTotalBytes: 1500 } });
    for (let i = 0; i < 8; i++) log.info('sync.round', { outcome: 'ok', pushed: i, pulled: 0, ms: 12 });
    now = new Date('2026-12-02T00:01:00Z');
    log.info('sync.round', { outcome: 'ok' });
    log.close();
    const names = logFiles(dir).map((f) => f.name);
    expect(names).not.toContain('desk-2026-11-20.log');
    expect(names).toContain('desk-2026-11-26.log');
    expect(names).toContain('desk-2026-12-01.log');
    expect(names).toContain('desk-2026-12-01.1.log');
    expect(names[names.length - 1]).toBe('desk-2026-12-02.log');
    expect(readdirSync(dir)).toContain('notes.txt');
    for (const f of logFiles(dir)) expect(f.bytes).toBeLessThan(400 + 120);

    // Past the total cap the oldest go first, the file being written stays.
    const later = fileLog(dir, { clock: () => now, limits: { keepDays: 7, maxFileBytes: 400, maxTotalBytes: 500 } });
    for (let i = 0; i < 4; i++) later.info('sync.round', { outcome: 'ok', pushed: i });
    later.close();
    const total = logFiles(dir).reduce((n, f) => n + f.bytes, 0);
    expect(total).toBeLessThanOrEqual(500 + 400);
    expect(logFiles(dir).map((f) => f.name)).not.toContain('desk-2026-11-26.log');
  });
});

describe('free text bound for the log', () => {
  it('masks ID numbers, phones, plates, Chinese text, e-mail addresses and the home folder', () => {
    const text = scrubText(
      'SqliteError at 赵六 11010519491231002X 13700137000 138 0013 8000 沪A12345 passport E12345678 zhao@example.com ' +
        `${process.env.HOME ?? '/home/desk'}/x.log HQ answered 503 in 40 ms`,
    );
    for (const p of ['赵六', '11010519491231002X', '13700137000', '0013 8000', '12345', 'E12345678', 'zhao@example.com'])
      expect(text).not.toContain(p);
    expect(text).toContain('SqliteError');
    expect(text).toContain('HQ answered 503 in 40 ms');
  });
});

describe('the words when the desk cannot start', () => {
  it('a data folder from a newer desk says to install the newer version, with its own exit code', () => {
    const f = startFailure(new NewerDatabaseError(SCHEMA_VERSION + 2), '/data/logs');
    expect(f.title).toContain('需要更新');
    expect(f.detail).toContain(`数据库版本 ${SCHEMA_VERSION + 2}，本程序为 ${SCHEMA_VERSION}`);
    expect(f.detail).toContain('请安装新版本；数据未被改动');
    expect(f.detail).toContain('Install the newer version; the data was not touched.');
    expect(f.detail).toContain('/data/logs');
    expect(f.line).toMatch(/^LobbyDesk could not start: This data folder was written by a newer LobbyDesk/);
    expect(f.exitCode).toBe(START_EXIT.newerDatabase);
  });

  it('any other failure names the error and where the log is', () => {
    const f = startFailure(new Error('HTTPS needs both LOBBYDESK_TLS_CERT and LOBBYDESK_TLS_KEY (PEM files).'), null);
    expect(f.title).toContain('无法启动');
    expect(f.line).toBe('LobbyDesk could not start: HTTPS needs both LOBBYDESK_TLS_CERT and LOBBYDESK_TLS_KEY (PEM files).');
    expect(f.exitCode).toBe(START_EXIT.failed);
  });
});

describe('the zip writer', () => {
  it('writes a zip that unzip tests and lists, with UTF-8 names and the bytes intact', async () => {
    const dir = tempDir();
    const big = Buffer.from('sync.round ok\n'.repeat(5000));
    writeFileSync(
      join(dir, 'p.zip'),
      await zip([
        { name: 'logs/desk-2026-12-02.log', data: big },
        { name: 'versions.json', data: Buffer.from('{"app":"0.1.0"}\n') },
        { name: 'empty.json', data: Buffer.alloc(0) },
      ]),
    );
    execFileSync('unzip', ['-tq', 'p.zip'], { cwd: dir });
    expect(execFileSync('zipinfo', ['-1', 'p.zip'], { cwd: dir, encoding: 'utf8' }).trim().split('\n')).toEqual([
      'logs/desk-2026-12-02.log',
      'versions.json',
      'empty.json',
    ]);
    expect(execFileSync('unzip', ['-p', 'p.zip', 'logs/desk-2026-12-02.log'], { cwd: dir }).equals(big)).toBe(true);
    expect(statSync(join(dir, 'p.zip')).size).toBeLessThan(big.length / 10);
  });
});
