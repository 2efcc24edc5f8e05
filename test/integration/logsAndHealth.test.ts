import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../hq/src/cli.js';
import { fileSecretStore } from '../../electron/sync/secret.js';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks } from '../support/sync.js';
import { addStaff } from './helpers.js';
import { busyDay } from './busyDay.js';

const suite = hqSuite();

/** Every name, phone and ID number the busy day and the sample directory type in. */
const PERSONAL = [
  ...['赵六', '钱七', '孙八', '孙七', '张三', '李四', '王小明', '小李', '刘班长', '门岗老赵', '王经理', '小周周', '周小周'],
  ...['13700137000', '13600136000', '13500135000', '13900139007', '13800138000', '13900139000', '02166668888'],
  ...['11010519491231002X', 'E12345678', 'G12345678', '1231002X'],
];

function logText(dataDir: string): string {
  const dir = join(dataDir, 'logs');
  return readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('');
}

function unzipTo(base64: string): { dir: string; names: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'lobbydesk-diag-'));
  writeFileSync(join(dir, 'p.zip'), Buffer.from(base64, 'base64'));
  // The system's unzip reads it (the package must open in any zip tool); -t checks every CRC first.
  execFileSync('unzip', ['-tq', 'p.zip'], { cwd: dir });
  execFileSync('unzip', ['-q', 'p.zip', '-d', 'out'], { cwd: dir });
  const names = execFileSync('zipinfo', ['-1', 'p.zip'], { cwd: dir, encoding: 'utf8' }).trim().split('\n');
  return { dir: join(dir, 'out'), names };
}

describe('logs, the diagnostics package and desk health at HQ after a busy day', () => {
  it('logs the day without personal data, exports a clean package, and HQ shows the desk’s health', async () => {
    const desk = await suite.openDesk();
    await busyDay(desk);
    const { siteId } = await enrollDesks(suite.hq, [desk], suite.hq.url, 'HY', { backendClient: true });
    await desk.backend.services.sync.syncNow();
    await desk.backend.services.sync.syncNow();

    // The log: start, sync rounds with counts, print jobs — and none of the day's people.
    const lines = logText(desk.dataDir)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.find((l) => l.event === 'desk.start')).toMatchObject({ level: 'info', schema: expect.any(Number) });
    const rounds = lines.filter((l) => l.event === 'sync.round' && l.outcome === 'ok');
    expect(rounds.length).toBeGreaterThan(0);
    expect(rounds.some((r) => (r.pushed as number) > 0)).toBe(true);
    expect(rounds[0]).toMatchObject({ pulled: expect.any(Number), attachments: expect.any(Number), ms: expect.any(Number) });
    expect(lines.some((l) => l.event === 'print.queued' && l.docType === 'visitor_pass')).toBe(true);
    const text = logText(desk.dataDir);
    for (const p of PERSONAL) expect(text, p).not.toContain(p);
    expect(text).not.toMatch(/[\u4E00-\u9FFF]/);

    // 导出诊断包: administrators only.
    const manager = await addStaff(desk, 'manager', 'M009', '472915', '马经理');
    expect((await desk.call('diagnostics:export', {}, manager.session)).ok).toBe(false);
    const pkg = await desk.ok('diagnostics:export', {});
    expect(pkg.fileName).toMatch(/^lobbydesk-diagnostics-HY-A1-\d{8}-\d{6}\.zip$/);
    const { dir, names } = unzipTo(pkg.base64);
    expect(names).toEqual(
      expect.arrayContaining(['versions.json', 'desk.json', 'sync-status.json', 'health.json', 'settings.json', 'crashes.json']),
    );
    expect(names.some((n) => /^logs\/desk-\d{4}-\d{2}-\d{2}\.log$/.test(n))).toBe(true);
    expect(names.some((n) => /sqlite|secret|key|backup/i.test(n))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'sync-status.json'), 'utf8'))).toMatchObject({
      enrolled: true,
      waiting: 1,
      rejections: expect.any(Number),
    });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toHaveProperty('idleLockMinutes');
    const everything = names.map((n) => readFileSync(join(dir, n), 'utf8')).join('\n');
    const hqSecret = fileSecretStore(desk.dataDir).get()!;
    expect(hqSecret.length).toBeGreaterThan(10);
    expect(everything).not.toContain(hqSecret);
    const idKey = desk.backend.services.idKeys.current();
    expect(idKey.length).toBeGreaterThan(10);
    expect(everything).not.toContain(idKey);
    for (const p of [...PERSONAL, '马经理', '1-2-301', '华夏科技']) expect(everything, p).not.toContain(p);
    rmSync(join(dir, '..'), { recursive: true, force: true });

    // HQ keeps the health of the last round and `hq devices` shows it.
    const out: string[] = [];
    expect(await runCli(suite.hq.db, ['devices', 'HY'], (l) => out.push(l))).toBe(0);
    expect(out).toHaveLength(1);
    const [line] = out;
    expect(line).toMatch(/^A1\t/);
    expect(line).toMatch(/v\d+\.\d+\.\d+ \(schema \d+\)/);
    expect(line).toMatch(/disk free \d+ MB/);
    expect(line).toContain('queue 0');
    expect(line).toMatch(/clock -?\d+ s/);
    expect(line).toContain('printer ');
    expect(line).toContain(`${process.platform} `);
    expect(line).not.toContain('SILENT');

    // A desk silent for more than a day is flagged.
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString();
    await sql`UPDATE devices SET last_seen_at = ${twoDaysAgo}, enrolled_at = ${twoDaysAgo} WHERE site_id = ${siteId}`.execute(
      suite.hq.db,
    );
    await sql`UPDATE device_health SET reported_at = ${twoDaysAgo}`.execute(suite.hq.db);
    const silent: string[] = [];
    await runCli(suite.hq.db, ['devices', 'HY'], (l) => silent.push(l));
    expect(silent[0]).toContain('SILENT > 1 day');
  });
});
