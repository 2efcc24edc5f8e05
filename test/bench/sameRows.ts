/**
 * The physical limit of a write on this schema: the rows one real desk write left in the file (found by
 * diffing the tables before and after it), written again through hand-written prepared statements in one
 * transaction, with every unique value made fresh, on a page-for-page copy of the desk's database (same
 * schema, indexes and sizes; same pragmas, synchronous=FULL). What the router, zod, the event catalog,
 * the appliers and Kysely add on top is the ratio `checkin_vs_same_rows` / `payment_vs_same_rows`.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { applyPragmas } from '../../db/open.js';
import { round, summarize, type Summary } from './stats.js';

type Row = Record<string, unknown>;
type Raw = BetterSqlite3.Database;

/** One row a write inserted or changed. */
export interface CapturedWrite {
  table: string;
  kind: 'insert' | 'update';
  row: Row;
  /** For an update: the columns that changed. */
  changed?: string[];
}

interface TableShape {
  name: string;
  columns: string[];
  /** Primary-key columns; empty for a rowid table without one. */
  key: string[];
  /** The INTEGER PRIMARY KEY column (the rowid itself): SQLite assigns it, so the copy leaves it out. */
  rowidAlias?: string;
  /** Columns in a unique index or the primary key: given fresh values on every copy. */
  unique: Set<string>;
  withoutRowid: boolean;
}

/** Above this many rows a table is diffed by its new rowids only (a write appends there; updates are to small tables). */
const FULL_DIFF_MAX_ROWS = 20_000;

function shapes(raw: Raw): TableShape[] {
  const all = raw.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as { name: string; sql: string }[];
  const virtual = all.filter((t) => /^CREATE VIRTUAL/i.test(t.sql)).map((t) => t.name);
  // SQLite's own tables, virtual tables and their shadow tables are written by SQLite, not by the desk.
  const own = all.filter(
    (t) => !t.name.startsWith('sqlite_') && !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)),
  );
  return own.map(({ name, sql }) => {
    const info = raw.pragma(`table_info("${name}")`) as { name: string; type: string; pk: number }[];
    const key = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const withoutRowid = /WITHOUT ROWID\s*$/i.test(sql.trim());
    const rowidAlias = !withoutRowid && key.length === 1 && /^INTEGER$/i.test(key[0].type) ? key[0].name : undefined;
    const unique = new Set(key.map((c) => c.name).filter((c) => c !== rowidAlias));
    for (const ix of raw.pragma(`index_list("${name}")`) as { name: string; unique: number }[]) {
      if (!ix.unique) continue;
      for (const c of raw.pragma(`index_info("${ix.name}")`) as { name: string | null }[]) if (c.name) unique.add(c.name);
    }
    return { name, columns: info.map((c) => c.name), key: key.map((c) => c.name), rowidAlias, unique, withoutRowid };
  });
}

type Snapshot = Map<string, { full?: Map<string, Row>; maxRowid?: number }>;

function keyOf(t: TableShape, r: Row): string {
  return JSON.stringify(t.key.length ? t.key.map((k) => r[k]) : [r._rowid_]);
}

function snapshot(raw: Raw, tables: TableShape[]): Snapshot {
  const snap: Snapshot = new Map();
  for (const t of tables) {
    const n = (raw.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n;
    if (n <= FULL_DIFF_MAX_ROWS || t.withoutRowid) {
      const sel = t.withoutRowid || t.key.length ? '*' : '_rowid_, *';
      const rows = raw.prepare(`SELECT ${sel} FROM "${t.name}"`).all() as Row[];
      snap.set(t.name, { full: new Map(rows.map((r) => [keyOf(t, r), r])) });
    } else {
      const m = raw.prepare(`SELECT max(_rowid_) AS m FROM "${t.name}"`).get() as { m: number | null };
      snap.set(t.name, { maxRowid: m.m ?? 0 });
    }
  }
  return snap;
}

function diff(raw: Raw, tables: TableShape[], before: Snapshot): CapturedWrite[] {
  const out: CapturedWrite[] = [];
  for (const t of tables) {
    const was = before.get(t.name)!;
    const strip = (r: Row): Row => Object.fromEntries(t.columns.map((c) => [c, r[c]]));
    if (was.full) {
      const sel = t.withoutRowid || t.key.length ? '*' : '_rowid_, *';
      for (const r of raw.prepare(`SELECT ${sel} FROM "${t.name}"`).all() as Row[]) {
        const old = was.full.get(keyOf(t, r));
        if (!old) out.push({ table: t.name, kind: 'insert', row: strip(r) });
        else {
          const changed = t.columns.filter((c) => old[c] !== r[c]);
          if (changed.length) out.push({ table: t.name, kind: 'update', row: strip(r), changed });
        }
      }
    } else {
      const rows = raw.prepare(`SELECT * FROM "${t.name}" WHERE _rowid_ > ?`).all(was.maxRowid) as Row[];
      for (const r of rows) out.push({ table: t.name, kind: 'insert', row: strip(r) });
    }
  }
  return out;
}

/** The rows `write` (one real desk write) inserts and changes, found by diffing the desk's tables around it. */
export async function captureWrites(raw: Raw, write: () => Promise<unknown>): Promise<CapturedWrite[]> {
  const tables = shapes(raw);
  const before = snapshot(raw, tables);
  await write();
  return diff(raw, tables, before);
}

export interface SameRowsWriter {
  /** One copy of the captured rows, in one durable transaction. */
  write(): void;
  close(): void;
  /** What one write touches: rows per table, and the B-trees (tables + their indexes) written. */
  shape: { rows: Record<string, number>; btrees: number };
}

/**
 * Prepared statements that write the captured rows again into `copyFile` (a copy of the desk's database):
 * inserts with every unique value made fresh (strings suffixed, integers offset, and references to a fresh
 * string id follow it), updates of the same rows with the same values.
 */
export function sameRowsWriter(copyFile: string, writes: CapturedWrite[]): SameRowsWriter {
  const db = new BetterSqlite3(copyFile);
  applyPragmas(db);
  const byName = new Map(shapes(db).map((t) => [t.name, t]));
  const ops = writes.map((w) => {
    const t = byName.get(w.table)!;
    if (w.kind === 'insert') {
      const cols = t.columns.filter((c) => c !== t.rowidAlias);
      const stmt = db.prepare(
        `INSERT INTO "${t.name}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      );
      return { w, t, cols, stmt };
    }
    const key = t.key.length ? t.key : ['_rowid_'];
    const stmt = db.prepare(
      `UPDATE "${t.name}" SET ${w.changed!.map((c) => `"${c}" = ?`).join(', ')} WHERE ${key.map((k) => `"${k}" = ?`).join(' AND ')}`,
    );
    return { w, t, cols: [...w.changed!, ...key], stmt };
  });
  const strings = new Set<string>();
  for (const { w, t } of ops)
    if (w.kind === 'insert') for (const c of t.unique) if (typeof w.row[c] === 'string') strings.add(w.row[c] as string);
  let n = 0;
  const tx = db.transaction(() => {
    n++;
    const fresh = (v: unknown) => (typeof v === 'string' && strings.has(v) ? `${v}~${n}` : v);
    for (const { w, t, cols, stmt } of ops) {
      stmt.run(
        cols.map((c) => {
          const v = w.row[c];
          if (w.kind === 'insert' && t.unique.has(c) && typeof v === 'number') return v + n * 1_000_003;
          return w.kind === 'insert' ? fresh(v) : v;
        }),
      );
    }
  });
  const rows: Record<string, number> = {};
  for (const w of writes) {
    const k = w.kind === 'update' ? `${w.table} (update)` : w.table;
    rows[k] = (rows[k] ?? 0) + 1;
  }
  const tables = [...new Set(writes.map((w) => w.table))];
  // The table's own B-tree and each index (a WITHOUT ROWID table's key index is the table itself).
  const btrees = tables.reduce(
    (sum, name) =>
      sum +
      1 +
      (db.pragma(`index_list("${name}")`) as { origin: string }[]).filter(
        (ix) => !(byName.get(name)!.withoutRowid && ix.origin === 'pk'),
      ).length,
    0,
  );
  return { write: () => tx(), close: () => db.close(), shape: { rows, btrees } };
}

/** Reads the checkpoint sequence number from a WAL file's header; it changes when the WAL restarts. */
export function walSequence(file: string) {
  const buf = Buffer.alloc(4);
  let fd: number | undefined;
  return {
    read(): number {
      try {
        fd ??= openSync(file, 'r');
        return readSync(fd, buf, 0, 4, 12) === 4 ? buf.readUInt32BE(0) : -1;
      } catch {
        return -1;
      }
    },
    close() {
      if (fd !== undefined) closeSync(fd);
    },
  };
}

export interface AgainstSameRows {
  real: Summary;
  same: Summary;
  /** p50 and p99 of the real write over the same rows' (the targets: <= 1.5). */
  ratioP50: number;
  ratioP99: number;
  /** Commits that also ran SQLite's WAL auto-checkpoint, and the rest (to explain tails). */
  realCheckpointCommits: Summary;
  realOtherCommits: Summary;
  sameCheckpointCommits: Summary;
  sameOtherCommits: Summary;
  shape: SameRowsWriter['shape'];
}

/**
 * Real desk writes (`write` does one, untimed preparation included, and returns the milliseconds of the
 * call itself) against the same rows written by hand, interleaved in blocks so both see the same machine
 * load. After `warmup` real writes, one more is captured (a steady-state write: counters exist, caches are
 * warm) and the copy is made right after it; the copy gets `warmup` writes of its own before timing.
 */
export async function againstSameRows(o: {
  raw: Raw;
  dbFile: string;
  copyFile: string;
  warmup: number;
  measured: number;
  block: number;
  write: () => Promise<number>;
}): Promise<AgainstSameRows> {
  for (let i = 0; i < o.warmup; i++) await o.write();
  const writes = await captureWrites(o.raw, o.write);
  await o.raw.backup(o.copyFile);
  const same = sameRowsWriter(o.copyFile, writes);
  const realWal = walSequence(`${o.dbFile}-wal`);
  const sameWal = walSequence(`${o.copyFile}-wal`);
  const real: number[] = [];
  const copy: number[] = [];
  const realCkpt = new Set<number>();
  const sameCkpt = new Set<number>();
  try {
    for (let i = 0; i < o.warmup; i++) same.write();
    for (let done = 0; done < o.measured;) {
      const n = Math.min(o.block, o.measured - done);
      for (let b = 0; b < n; b++) {
        const seq = realWal.read();
        real.push(await o.write());
        if (realWal.read() !== seq) realCkpt.add(real.length - 1);
      }
      for (let b = 0; b < n; b++) {
        const seq = sameWal.read();
        const t0 = performance.now();
        same.write();
        copy.push(performance.now() - t0);
        if (sameWal.read() !== seq) sameCkpt.add(copy.length - 1);
      }
      done += n;
    }
  } finally {
    realWal.close();
    sameWal.close();
    same.close();
  }
  const r = summarize(real);
  const s = summarize(copy);
  const part = (xs: number[], set: Set<number>, inSet: boolean) => summarize(xs.filter((_, i) => set.has(i) === inSet));
  return {
    real: r,
    same: s,
    ratioP50: round(r.p50 / s.p50),
    ratioP99: round(r.p99 / s.p99),
    realCheckpointCommits: part(real, realCkpt, true),
    realOtherCommits: part(real, realCkpt, false),
    sameCheckpointCommits: part(copy, sameCkpt, true),
    sameOtherCommits: part(copy, sameCkpt, false),
    shape: same.shape,
  };
}
