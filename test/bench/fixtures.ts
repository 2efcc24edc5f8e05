/**
 * Benchmark fixtures: a large directory (units + occupants) and years of past visits, written straight
 * into the desk's SQLite file with prepared statements in a few big transactions. The rows match what
 * the appliers write (db/appliers/directory.ts, db/appliers/visits.ts), including the pinyin keys and
 * the reversed phone/unit-code columns the directory search depends on.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import dayjs from 'dayjs';
import { pinyinKeys } from '../../db/appliers/directory.js';
import { residentIdCheckChar } from '../../shared/domain/idDocument.js';
import { formatVisitorPassNo } from '../../shared/domain/numbering.js';
import { maskIdNumber, maskPhone } from '../../shared/domain/mask.js';
import { encodeHlc } from '../../shared/domain/hlc.js';
import { eventCatalog, type EventType } from '../../shared/events/catalog.js';

// ---- deterministic randomness ---------------------------------------------------------------------

export { seededRandom } from '../support/seededRandom.js';

export type Rand = () => number;
export const int = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
export const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)];
const digits = (rand: Rand, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(Math.floor(rand() * 10));
  return s;
};
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const reverse = (s: string) => [...s].reverse().join('');

/** Random hex drawn from a large pool of OS randomness (uuid generation for a million rows). */
export class HexPool {
  private hex = '';
  private at = 0;
  take(n: number): string {
    if (this.at + n > this.hex.length) {
      this.hex = randomBytes(1 << 20).toString('hex');
      this.at = 0;
    }
    const s = this.hex.slice(this.at, this.at + n);
    this.at += n;
    return s;
  }
}

/** A UUIDv7 stamped with the given moment, as the desk's uuidv7() would have made it then. */
export function uuidv7At(ms: number, pool: HexPool): string {
  const t = Math.floor(ms).toString(16).padStart(12, '0');
  const r = pool.take(18);
  const variant = '89ab'[parseInt(r[0], 16) & 3];
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${r.slice(1, 4)}-${variant}${r.slice(4, 7)}-${r.slice(7, 18).padEnd(12, '0')}`;
}

/**
 * The desk's own log for history written beside the read rows: each past row gets the event the desk
 * would have written for it (same type, version and payload shape), numbered on from the device's last
 * seq, its id and HLC stamped with the row's own moment. So a fixture desk's `events` table is as big as
 * a real desk's of that history (issue 18), not the 25 events of its set-up.
 */
export class PastEventLog {
  private readonly insert: BetterSqlite3.Statement;
  private seq: number;
  private readonly pool = new HexPool();
  written = 0;
  constructor(
    raw: BetterSqlite3.Database,
    private readonly ids: { siteId: string; deviceId: string },
  ) {
    this.insert = raw.prepare(
      'INSERT INTO events (id, device_id, device_seq, hlc, type, v, actor, site_id, payload, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const last = raw.prepare('SELECT max(device_seq) AS m FROM events WHERE device_id = ?').get(ids.deviceId) as {
      m: number | null;
    };
    this.seq = last.m ?? 0;
  }
  /** Inside the caller's transaction. Returns the event id. */
  add(type: EventType, atMs: number, actor: string, payload: unknown): string {
    const id = uuidv7At(atMs, this.pool);
    const hlc = encodeHlc({ wallMs: Math.floor(atMs), counter: 0, node: this.ids.deviceId });
    const at = new Date(atMs).toISOString();
    this.insert.run(
      id,
      this.ids.deviceId,
      ++this.seq,
      hlc,
      type,
      eventCatalog[type].v,
      actor,
      this.ids.siteId,
      JSON.stringify(payload),
      at,
    );
    this.written++;
    return id;
  }
}

// ---- names, phones, IDs ----------------------------------------------------------------------------

/** Common surnames, most frequent first (weighted by a Zipf-like draw); a few compound ones at the end. */
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单解区仇',
  '欧阳',
  '司马',
  '诸葛',
  '上官',
];
const GIVEN = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉萍文斌辉鹏飞宇浩然婷雪琳晨阳欣怡佳琪子涵梓轩思雨一诺博文俊杰晓梅海燕春生长乐小',
  ...'宁安康泰瑞祥永福新民立群德胜光荣金凤银凤淑珍丹凯峰亮林颖倩慧玲莉丽娜乐行重朝',
];
const COMPANY_HEADS = [
  '华夏',
  '恒信',
  '中科',
  '东方',
  '宏达',
  '金桥',
  '新世纪',
  '博远',
  '瑞丰',
  '天成',
  '安捷',
  '领航',
  '汇通',
  '中联',
  '远景',
];
const COMPANY_TRADES = ['科技', '贸易', '咨询', '物流', '传媒', '设计', '网络', '医药', '教育', '建筑', '律师事务所', '会计'];
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '158',
  '159',
];
const MORE_PREFIXES = ['176', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '198', '199'];
const PHONE_PREFIXES = [...MOBILE_PREFIXES, ...MORE_PREFIXES];
const REGIONS = ['110105', '110108', '310115', '310104', '440305', '440106', '320102', '330106', '510107', '420106', '370202'];

function surname(rand: Rand): string {
  // Zipf-ish: low indexes (王, 李, 张 …) far more often than the tail.
  const i = Math.floor(SURNAMES.length * Math.pow(rand(), 2.2));
  return SURNAMES[Math.min(i, SURNAMES.length - 1)];
}

function personName(rand: Rand, family?: string): string {
  const s = family ?? surname(rand);
  const given = rand() < 0.35 ? pick(rand, GIVEN) : pick(rand, GIVEN) + pick(rand, GIVEN);
  return s + given;
}

const mobile = (rand: Rand) => pick(rand, PHONE_PREFIXES) + digits(rand, 8);

function residentId(rand: Rand): string {
  const birth = `${int(rand, 1950, 2005)}${pad(int(rand, 1, 12), 2)}${pad(int(rand, 1, 28), 2)}`;
  const first17 = `${pick(rand, REGIONS)}${birth}${digits(rand, 3)}`;
  return first17 + residentIdCheckChar(first17);
}

// ---- directory ---------------------------------------------------------------------------------------

export interface UnitFixture {
  id: string;
  code: string;
  building: string;
  areaM2: number | null;
}

export interface OccupantFixture {
  id: string;
  unitId: string;
  unitCode: string;
  name: string;
  phone: string;
  role: 'owner' | 'tenant' | 'family' | 'company';
  company: string;
}

export interface DirectoryFixture {
  units: UnitFixture[];
  occupants: OccupantFixture[];
}

/**
 * About three occupants per residential unit (`{building}-{entrance}-{floor}{room}`, e.g. 12-3-1502),
 * families often sharing a surname; a few percent are companies in office towers (`T2-1808`).
 * Codes in `existingCodes` (already imported through the router) are skipped.
 */
export function generateDirectory(
  rand: Rand,
  occupantCount: number,
  existingCodes: ReadonlySet<string> = new Set(),
): DirectoryFixture {
  const units: UnitFixture[] = [];
  const occupants: OccupantFixture[] = [];
  const phones = new Set<string>();
  const pool = new HexPool();
  const now = Date.now();
  const uniquePhone = () => {
    for (;;) {
      const p = mobile(rand);
      if (!phones.has(p)) {
        phones.add(p);
        return p;
      }
    }
  };
  const addUnit = (code: string, building: string, areaM2: number | null) => {
    const u = { id: uuidv7At(now, pool), code, building, areaM2 };
    units.push(u);
    return u;
  };
  const add = (u: UnitFixture, o: Omit<OccupantFixture, 'id' | 'unitId' | 'unitCode'>) =>
    occupants.push({ id: uuidv7At(now, pool), unitId: u.id, unitCode: u.code, ...o });

  const companyTarget = Math.round(occupantCount * 0.04);
  // Office towers first: one company row per unit plus one or two named contacts.
  for (let tower = 1, floor = 5, room = 1; occupants.length < companyTarget;) {
    const code = `T${tower}-${floor}${pad(room, 2)}`;
    const building = `T${tower}写字楼`;
    if (++room > 12) {
      room = 1;
      if (++floor > 40) {
        floor = 5;
        tower++;
      }
    }
    if (existingCodes.has(code)) continue;
    const u = addUnit(code, building, null);
    const company = `${pick(rand, COMPANY_HEADS)}${pick(rand, COMPANY_TRADES)}有限公司`;
    add(u, { name: company, phone: `021-${digits(rand, 8)}`, role: 'company', company });
    const contacts = int(rand, 1, 2);
    const taken = new Set<string>([company]);
    for (let c = 0; c < contacts; c++) {
      const name = personName(rand);
      if (taken.has(name)) continue;
      taken.add(name);
      add(u, { name, phone: uniquePhone(), role: 'company', company });
    }
  }
  // Residential buildings: 4 entrances, 18–33 floors, 4 flats a floor, filled until the count is reached.
  outer: for (let b = 1; ; b++) {
    const floors = int(rand, 18, 33);
    for (let entrance = 1; entrance <= 4; entrance++) {
      for (let floor = 1; floor <= floors; floor++) {
        for (let room = 1; room <= 4; room++) {
          if (occupants.length >= occupantCount) break outer;
          const code = `${b}-${entrance}-${floor}${pad(room, 2)}`;
          if (existingCodes.has(code)) continue;
          const u = addUnit(code, `${b}栋`, int(rand, 55, 180) + int(rand, 0, 9) / 10);
          const family = surname(rand);
          const rented = rand() < 0.2;
          const size = Math.min(int(rand, 1, 5), occupantCount - occupants.length);
          const taken = new Set<string>();
          for (let k = 0; k < size; k++) {
            const name = personName(rand, k === 0 || rand() < 0.6 ? family : undefined);
            if (taken.has(name)) continue;
            taken.add(name);
            const role = k === 0 ? (rented ? 'tenant' : 'owner') : rented ? 'tenant' : 'family';
            add(u, { name, phone: rand() < 0.9 ? uniquePhone() : '', role, company: '' });
          }
        }
      }
    }
  }
  return { units, occupants };
}

/** Writes units and occupants as the DirectoryImported applier would, pinyin keys and reversed columns included. */
export function insertDirectory(raw: BetterSqlite3.Database, dir: DirectoryFixture): void {
  const unit = raw.prepare('INSERT INTO units (id, code, code_rev, building, area_m2) VALUES (?, ?, ?, ?, ?)');
  const occupant = raw.prepare(
    `INSERT INTO occupants (id, unit_id, name, phone, phone_rev, role, company, initials, pinyin)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // pinyin-pro is the slow part; names repeat a lot, so compute each distinct one once (this run only).
  const keys = new Map<string, { initials: string; pinyin: string }>();
  const keysOf = (name: string) => {
    let k = keys.get(name);
    if (!k) keys.set(name, (k = pinyinKeys(name)));
    return k;
  };
  raw.transaction(() => {
    for (const u of dir.units) unit.run(u.id, u.code, reverse(u.code), u.building, u.areaM2);
    for (const o of dir.occupants) {
      const k = keysOf(o.name);
      occupant.run(o.id, o.unitId, o.name, o.phone, reverse(o.phone), o.role, o.company, k.initials, k.pinyin);
    }
  })();
}

// ---- visitors and past visits -------------------------------------------------------------------------

export interface VisitorFixture {
  name: string;
  phone: string;
  idType: 'resident_id' | 'hk_macao_permit' | 'passport';
  idNumber: string;
}

/** Returning visitors: a pool far smaller than the visit count, so phones and IDs repeat in history. */
export function generateVisitors(rand: Rand, count: number): VisitorFixture[] {
  const out: VisitorFixture[] = [];
  for (let i = 0; i < count; i++) {
    const r = rand();
    const idType = r < 0.94 ? 'resident_id' : r < 0.97 ? 'hk_macao_permit' : 'passport';
    const idNumber =
      idType === 'resident_id'
        ? residentId(rand)
        : idType === 'hk_macao_permit'
          ? `${pick(rand, ['H', 'M'])}${digits(rand, 8)}`
          : `E${digits(rand, 8)}`;
    out.push({ name: personName(rand), phone: mobile(rand), idType, idNumber });
  }
  return out;
}

const PURPOSES = ['拜访', '拜访', '拜访', '送货', '维修', '面试', '装修', '快递', '家政', '会议'];
const PROVINCES = [...'京沪粤苏浙川鄂鲁'];
const PLATE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

export interface PastVisitsOptions {
  count: number;
  /** The desk's "today": visits fill the given number of days before it. */
  todayMs: number;
  days: number;
  siteCode: string;
  deviceCode: string;
  deviceId: string;
  actor: string;
  hosts: readonly OccupantFixture[];
  visitors: readonly VisitorFixture[];
  /** Rows per transaction. */
  batch?: number;
  /** When given, each visit's VisitorCheckedIn and VisitorCheckedOut go into the desk's log too. */
  events?: PastEventLog;
}

const VISIT_COLUMNS = [
  'id',
  'request_id',
  'pass_no',
  'visitor_name',
  'visitor_phone',
  'id_type',
  'id_number_masked',
  'party_size',
  'host_occupant_id',
  'host_unit_code',
  'host_name',
  'host_company',
  'purpose',
  'plate',
  'note',
  'checked_in_at',
  'valid_until',
  'status',
  'checked_out_at',
  'checkout_method',
  'host_confirmed_by',
  'host_confirm_method',
  'deny_override_by',
  'deny_override_reason',
  'deny_entry_id',
  'actor',
  'device_id',
] as const;

/**
 * Inserts `count` checked-out visits spread over `days` days before today (weekdays busier than
 * weekends, 07:00–21:30 local), in time order, with gapless per-day pass numbers like the desk's.
 */
export function insertPastVisits(raw: BetterSqlite3.Database, o: PastVisitsOptions, rand: Rand): void {
  const batch = o.batch ?? 100_000;
  const insert = raw.prepare(
    `INSERT INTO visits (${VISIT_COLUMNS.join(', ')}) VALUES (${VISIT_COLUMNS.map(() => '?').join(', ')})`,
  );
  const today = dayjs(o.todayMs).startOf('day');
  const dayStarts: dayjs.Dayjs[] = [];
  const weights: number[] = [];
  for (let d = o.days; d >= 1; d--) {
    const day = today.subtract(d, 'day');
    dayStarts.push(day);
    const weekend = day.day() === 0 || day.day() === 6;
    weights.push((weekend ? 0.6 : 1) * (0.8 + 0.4 * rand()));
  }
  const total = weights.reduce((a, b) => a + b, 0);
  // Largest-remainder split so the per-day counts add up to exactly `count`.
  const exact = weights.map((w) => (w / total) * o.count);
  const counts = exact.map(Math.floor);
  let missing = o.count - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; missing > 0; k = (k + 1) % order.length, missing--) counts[order[k][1]]++;
  if (Math.max(...counts) > 9999) throw new Error('too many visits per day for 4-digit pass numbers; raise days');

  const pool = new HexPool();
  const rows: unknown[][] = [];
  const flush = raw.transaction((list: unknown[][]) => {
    for (const r of list) {
      insert.run(r);
      if (o.events) writeVisitEvents(o.events, r);
    }
  });
  const open = 7 * 3_600_000;
  const span = 14.5 * 3_600_000;
  for (let d = 0; d < dayStarts.length; d++) {
    const start = dayStarts[d].valueOf();
    const dayCode = dayStarts[d].format('YYYYMMDD');
    const offsets = Array.from({ length: counts[d] }, () => open + Math.floor(rand() * span)).sort((a, b) => a - b);
    for (let n = 0; n < offsets.length; n++) {
      const inMs = start + offsets[n];
      const v = pick(rand, o.visitors);
      const h = pick(rand, o.hosts);
      const expected = pick(rand, [60, 120, 120, 240]);
      const outMs = inMs + int(rand, 5, 300) * 60_000;
      const plate =
        rand() < 0.15 ? `${pick(rand, PROVINCES)}${[0, 1, 2, 3, 4, 5].map(() => pick(rand, [...PLATE_CHARS])).join('')}` : '';
      const confirmed = rand() < 0.3;
      rows.push([
        uuidv7At(inMs, pool),
        randomUUID(),
        formatVisitorPassNo(o.siteCode, o.deviceCode, dayCode, n + 1),
        v.name,
        // Kept as the product keeps them since desk schema 16: masked (no full phone in the row).
        maskPhone(v.phone),
        v.idType,
        maskIdNumber(v.idNumber),
        rand() < 0.85 ? 1 : int(rand, 2, 4),
        h.id,
        h.unitCode,
        h.name,
        h.company,
        pick(rand, PURPOSES),
        plate,
        '',
        new Date(inMs).toISOString(),
        new Date(inMs + expected * 60_000).toISOString(),
        'checked_out',
        new Date(outMs).toISOString(),
        rand() < 0.7 ? 'scan' : 'list',
        confirmed ? h.name : null,
        confirmed ? 'phone' : null,
        null,
        null,
        null,
        o.actor,
        o.deviceId,
      ]);
      if (rows.length >= batch) flush(rows.splice(0));
    }
  }
  if (rows.length) flush(rows.splice(0));
}

/** The check-in and the check-out of one visit row (VISIT_COLUMNS order), as the desk's events for it. */
function writeVisitEvents(log: PastEventLog, r: unknown[]): void {
  const [id, requestId, passNo, name, phone, idType, idMasked, partySize, hostId, unitCode, hostName, hostCompany] =
    r as string[];
  const [purpose, plate, note, inAt, validUntil, , outAt, method, confirmedBy, confirmMethod] = r.slice(12) as string[];
  const actor = r[25] as string;
  log.add('VisitorCheckedIn', Date.parse(inAt), actor, {
    visitId: id,
    requestId,
    passNo,
    visitor: { name, phone: maskPhone(phone), idType, idNumberMasked: idMasked, idHash: '', phoneHash: '' },
    partySize,
    host: { occupantId: hostId, unitCode, name: hostName, company: hostCompany },
    purpose,
    plate,
    note,
    checkedInAt: inAt,
    validUntil,
    hostConfirmation: confirmedBy ? { confirmedBy, method: confirmMethod } : null,
    denyOverride: null,
  });
  log.add('VisitorCheckedOut', Date.parse(outAt), actor, { visitId: id, at: outAt, method });
}

export { VISIT_COLUMNS };
