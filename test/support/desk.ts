import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v4 as uuidv4 } from 'uuid';
import { createBackend, type Backend } from '../../electron/backend.js';
import { browserPrintBackend } from '../../electron/print/headlessPdf.js';
import { contract, type ProcInput, type ProcName, type ProcOutput } from '../../shared/api/contract.js';
import type { ApiResult } from '../../shared/api/result.js';

/** A controllable clock for tests that cross midnight or wait out a lockout. */
export class TestClock {
  constructor(public ms: number = Date.parse('2026-11-22T09:30:00+08:00')) {}
  now = () => new Date(this.ms);
  advance(minutes: number) {
    this.ms += minutes * 60_000;
  }
}

export interface TestDesk {
  backend: Backend;
  dataDir: string;
  clock: TestClock;
  /** Calls a procedure as a session (default: the admin's session after setup). */
  call<N extends ProcName>(name: N, input?: ProcInput<N>, session?: string): Promise<ApiResult<ProcOutput<N>>>;
  /** Calls and insists on success. */
  ok<N extends ProcName>(name: N, input?: ProcInput<N>, session?: string): Promise<ProcOutput<N>>;
  count(table: string): number;
  reopen(): Promise<void>;
  close(): Promise<void>;
}

export const ADMIN = { staffNo: 'A001', name: '王经理', pin: '246810' };

/**
 * A desk backend over a real SQLite file in a fresh temporary data folder. After setup the admin
 * opens the desk's first shift (there is no handover before it, so nothing to acknowledge), as the
 * desk requires before any desk work; `openShift: false` leaves the desk closed.
 */
export async function openTestDesk(
  opts: {
    setUp?: boolean;
    openShift?: boolean;
    dataDir?: string;
    clock?: TestClock;
    deviceCode?: string;
    /** Off: a lapsed shift is not taken over for the test's people (for tests of the lapse itself). */
    autoTakeOver?: boolean;
  } = {},
): Promise<TestDesk> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'lobbydesk-test-'));
  const clock = opts.clock ?? new TestClock();
  const make = () => createBackend({ dataDir, printer: browserPrintBackend(), clock: clock.now, timers: false });
  let backend = await make();
  const raw = (name: string, input: unknown, session: string) => backend.router(name, input ?? {}, session);
  const people = new Map<string, { staffNo: string; pin: string }>([['admin', { staffNo: ADMIN.staffNo, pin: ADMIN.pin }]]);
  const call = async (name: string, input: unknown, session: string) => {
    const r = await raw(name, input, session);
    if (name === 'auth:signIn' && r.ok) people.set(session, input as { staffNo: string; pin: string });
    if (r.ok || opts.autoTakeOver === false || contract[name as ProcName]?.gate !== 'shift') return r;
    return (await resumeAfterLapse(raw, session, people.get(session), r.error.message)) ? raw(name, input, session) : r;
  };
  const desk: TestDesk = {
    get backend() {
      return backend;
    },
    dataDir,
    clock,
    call: (name, input, session = 'admin') => call(name, input, session) as never,
    async ok(name, input, session) {
      const r = await desk.call(name, input, session);
      if (!r.ok) throw new Error(`${name} failed: ${JSON.stringify(r.error)}`);
      return r.value;
    },
    count: (table) => (backend.database.raw.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n,
    async reopen() {
      await backend.close();
      backend = await make();
    },
    async close() {
      await backend.close();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  if (opts.setUp !== false) {
    await desk.ok('setup:complete', {
      siteName: '华远大厦',
      siteCode: 'HY',
      siteKind: 'mixed',
      deviceCode: opts.deviceCode ?? 'A1',
      admin: ADMIN,
    });
    if (opts.openShift !== false) await desk.ok('shift:open', { patternCode: 'A', handoverShiftId: null });
  }
  return desk;
}

/**
 * Tests let days pass at a desk whose shift then lapses (its end plus the grace). The person at the
 * desk would then read the handover and take the desk over (or, when a colleague already did, read
 * it and join): done here for them when desk work is refused for that reason, then the work is retried.
 */
async function resumeAfterLapse(
  raw: (name: string, input: unknown, session: string) => Promise<ApiResult<unknown>>,
  session: string,
  who: { staffNo: string; pin: string } | undefined,
  refusal: string,
): Promise<boolean> {
  if (!who || (refusal !== 'err.shift.leftOpen' && refusal !== 'err.shift.notOnShift')) return false;
  const state = await raw('shift:state', {}, session);
  if (!state.ok) return false;
  const s = state.value as ProcOutput<'shift:state'>;
  // Only a desk whose last shift lapsed: a person who never joined is still refused, as the gate tests expect.
  const history = await raw('shift:history', {}, session);
  const me = await raw('auth:session', {}, session);
  const myId = me.ok ? (me.value as ProcOutput<'auth:session'>)?.staff.id : undefined;
  const read = history.ok ? (history.value as ProcOutput<'shift:history'>).find((h) => h.id === s.handoverShiftId) : undefined;
  const wasOnLapsed = read?.abandoned === true && read.members.some((m) => m.staffId === myId);
  if (!s.handoverShiftId || !(s.takeOver || wasOnLapsed)) return false;
  await raw('shift:handover', { shiftId: s.handoverShiftId }, session);
  const ack = { handoverShiftId: s.handoverShiftId, pin: who.pin };
  const r = s.takeOver
    ? await raw('shift:open', { ...ack, patternCode: s.suggestedPattern || s.patterns[0].code }, session)
    : await raw('shift:join', ack, session);
  return r.ok;
}

export const newRequestId = () => uuidv4();

/** A small directory as CSV, in the documented import format. */
export const SAMPLE_DIRECTORY_CSV = [
  '单元,楼栋,面积,姓名,电话,身份,公司',
  '1-2-301,1栋,89.5,张三,13800138000,业主,',
  '1-2-301,1栋,89.5,李四,13900139000,家属,',
  '2-1-1202,2栋,120,王小明,02166668888,租户,',
  'T-1801,写字楼,,,021-55556666,公司,华夏科技有限公司',
].join('\n');

export async function importSampleDirectory(desk: TestDesk) {
  return desk.ok('directory:import', {
    fileName: 'directory.csv',
    contentBase64: Buffer.from(SAMPLE_DIRECTORY_CSV, 'utf8').toString('base64'),
  });
}

/** A valid check-in for the first host matching `hostQuery`. */
export async function checkInInput(desk: TestDesk, overrides: Partial<ProcInput<'visits:checkIn'>> = {}, hostQuery = '张三') {
  const [host] = await desk.ok('directory:search', { q: hostQuery });
  return {
    requestId: newRequestId(),
    visitor: { name: '赵六', phone: '13700137000', idType: 'resident_id' as const, idNumber: '11010519491231002X' },
    partySize: 1,
    hostOccupantId: host.occupantId,
    purpose: '拜访',
    plate: '',
    expectedMinutes: 120,
    ...overrides,
  } satisfies ProcInput<'visits:checkIn'>;
}
