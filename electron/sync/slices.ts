import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/**
 * How long one slice of a pulled page may hold the desk's database. Desk calls queue on the one
 * connection behind a running slice, so this bounds what a check-in waits while a backlog arrives
 * (a check-in itself takes a few ms; the target is p99 < 100 ms).
 */
export const SLICE_BUDGET_MS = 20;
/** A cap on events per slice, so a slice of cheap events still commits (and yields) regularly. */
export const SLICE_MAX_EVENTS = 400;

/**
 * Events the desk asks HQ for per pull page (HQ's maximum is 2,000). Reading a page's answer (JSON and
 * its schema check) runs in one piece on the event loop: ~50 ms for 2,000 events on a loaded PC, a
 * quarter of that for 500; a few more round trips cost far less than a frozen desk.
 */
export const PULL_PAGE_EVENTS = 500;

export interface SliceOptions {
  budgetMs?: number;
  maxEvents?: number;
  /** Between slices: gives the event loop a turn (I/O, timers), so waiting desk calls run. */
  yieldToDesk?: () => Promise<void>;
}

/** One turn of the event loop: setImmediate runs after the poll phase has read pending requests. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Applies `items` in consecutive short transactions instead of one long one, yielding to the event
 * loop between them. Each slice commits what it applied; `finish` (the cursor) runs in the slice
 * holding the last item, so the cursor moves only once the whole page is in. A crash between slices
 * leaves the cursor at the page's start: the page is pulled again and the applied part is skipped by
 * `applyOne` (applying is idempotent by event id), so nothing is lost and nothing applied twice.
 * Returns how many items `applyOne` reported as newly applied.
 */
export async function applyInSlices<T>(
  db: Db,
  items: readonly T[],
  applyOne: (trx: Db, item: T) => Promise<boolean>,
  finish: (trx: Db) => Promise<void>,
  opts: SliceOptions = {},
): Promise<number> {
  const budget = opts.budgetMs ?? SLICE_BUDGET_MS;
  const max = opts.maxEvents ?? SLICE_MAX_EVENTS;
  const yieldToDesk = opts.yieldToDesk ?? nextTurn;
  let next = 0;
  let applied = 0;
  for (;;) {
    await db.transaction().execute(async (trx) => {
      const started = performance.now();
      const end = Math.min(items.length, next + max);
      // At least one item per slice, so a slow item still makes progress.
      for (const item of items.slice(next, end)) {
        if (await applyOne(trx, item)) applied++;
        next++;
        if (performance.now() - started >= budget) break;
      }
      if (next >= items.length) await finish(trx);
    });
    if (next >= items.length) return applied;
    await yieldToDesk();
  }
}
