/**
 * Post-log fixture: years of entries (200 a day by default) written straight into log_entries with
 * one prepared statement in big transactions. The FTS trigger indexes each row as the applier's
 * insert would. Pending items are resolved after a few days, except the last days' (still open).
 */
import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { int, pick, type PastEventLog, type Rand } from './fixtures.js';

const EVENTS = [
  '电梯异响',
  '门禁卡失效',
  '地库积水',
  '快递堆放',
  '消防通道堵塞',
  '访客争执',
  '水管漏水',
  '灯具损坏',
  '噪音投诉',
  '宠物扰民',
  '车辆乱停',
  '玻璃门损坏',
  '空调不制冷',
  '停电通知',
  '外卖员进入',
];
const PLACES = ['大堂', '北门', '南门', '地库B1', '地库B2', '3号电梯', '5号电梯', '消防通道', '快递柜', '前台', '花园', '会所'];
const ACTIONS = ['已报工程部', '已通知业主', '已贴提示', '已拍照存档', '已联系保安', '等回复', '已处理完毕', '已交代下一班跟进'];
export const LOG_SEARCH_WORDS = [...EVENTS, ...PLACES, ...ACTIONS];
const CATEGORIES = ['anomaly', 'notice', 'incident', 'instruction'] as const;

export interface LogFixtureOptions {
  count: number;
  days: number;
  todayMs: number;
  deviceId: string;
  deviceCode: string;
  authors: string[];
  unitCodes: string[];
  /** When given, each entry's LogEntryAdded (and LogItemResolved) go into the desk's log too. */
  events?: PastEventLog;
}

export function insertLogEntries(raw: BetterSqlite3.Database, o: LogFixtureOptions, rand: Rand): void {
  const insert = raw.prepare(
    `INSERT INTO log_entries (id, device_id, device_code, shift_id, at, author, category, priority, tag, text,
       corrects_id, attachment_id, attachment_mime, attachment_size, resolved_at, resolved_by, resolution)
     VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, ?, ?, ?)`,
  );
  const start = o.todayMs - o.days * 86_400_000;
  const step = (o.days * 86_400_000) / Math.max(1, o.count);
  const run = raw.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const atMs = start + i * step + rand() * step;
      const pending = rand() < 0.05;
      const open = pending && o.todayMs - atMs < 3 * 86_400_000;
      const author = pick(rand, o.authors);
      const text = `${pick(rand, PLACES)}${pick(rand, EVENTS)}，${pick(rand, ACTIONS)}（${int(rand, 1, 999)}）`;
      const id = randomUUID();
      const at = new Date(atMs).toISOString();
      const category = pending ? 'pending' : pick(rand, CATEGORIES);
      const priority = rand() < 0.1 ? 'high' : 'normal';
      const tag = rand() < 0.3 ? pick(rand, o.unitCodes) : '';
      const resolvedAt = pending && !open ? new Date(atMs + 86_400_000).toISOString() : null;
      insert.run(
        id,
        o.deviceId,
        o.deviceCode,
        at,
        author,
        category,
        priority,
        tag,
        text,
        resolvedAt,
        resolvedAt ? author : null,
        resolvedAt ? '已处理' : null,
      );
      o.events?.add('LogEntryAdded', atMs, author, {
        entryId: id,
        deviceCode: o.deviceCode,
        shiftId: null,
        at,
        category,
        priority,
        tag,
        text,
        correctsId: null,
        attachment: null,
      });
      if (resolvedAt)
        o.events?.add('LogItemResolved', atMs + 86_400_000, author, { entryId: id, resolution: '已处理', at: resolvedAt });
    }
  });
  for (let i = 0; i < o.count; i += 20_000) run(i, Math.min(o.count, i + 20_000));
}
