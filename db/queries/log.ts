import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, LogEntriesTable } from '../schema.js';

type Db = Kysely<Database>;
export type LogRow = Selectable<LogEntriesTable> & { author_name: string | null; resolved_by_name: string | null };

/** Entries with their author's and resolver's names. */
const entries = (db: Db) =>
  db
    .selectFrom('log_entries')
    .leftJoin('staff as author', 'author.id', 'log_entries.author')
    .leftJoin('staff as resolver', 'resolver.id', 'log_entries.resolved_by')
    .selectAll('log_entries')
    .select(['author.name as author_name', 'resolver.name as resolved_by_name']);

export async function logEntryById(db: Db, id: string): Promise<LogRow | undefined> {
  return entries(db).where('log_entries.id', '=', id).executeTakeFirst();
}

/** Entries since a moment, newest first (one desk, or the whole site when deviceId is null). */
export async function logSince(db: Db, deviceId: string | null, sinceIso: string, limit = 1000): Promise<LogRow[]> {
  let q = entries(db).where('log_entries.at', '>=', sinceIso).where('log_entries.corrects_id', 'is', null);
  if (deviceId) q = q.where('log_entries.device_id', '=', deviceId);
  return q.orderBy('log_entries.at', 'desc').limit(limit).execute();
}

/**
 * Every pending item not yet resolved, oldest first: they carry over shift after shift. Written so
 * SQLite takes the small partial index log_open_pending: the category as a literal (a bound parameter
 * does not match the index's WHERE), and the desk filter as `+device_id` so the planner is not lured
 * onto log_device_at, which would walk every entry the desk ever wrote (25 ms on 5 years vs 0.1 ms).
 */
export async function openPending(db: Db, deviceId: string | null): Promise<LogRow[]> {
  let q = entries(db)
    .where(sql<boolean>`log_entries.category = 'pending'`)
    .where('log_entries.resolved_at', 'is', null)
    .where('log_entries.corrects_id', 'is', null);
  if (deviceId) q = q.where(sql<boolean>`+log_entries.device_id = ${deviceId}`);
  return q.orderBy('log_entries.at').execute();
}

/** High-priority entries written during a shift (for its handover sheet). */
export async function highPriorityOfShift(db: Db, shiftId: string): Promise<LogRow[]> {
  return entries(db)
    .where('log_entries.shift_id', '=', shiftId)
    .where('log_entries.priority', '=', 'high')
    .orderBy('log_entries.at')
    .execute();
}

/** Corrections of the given entries, oldest first, to show each with its original. */
export async function correctionsOf(db: Db, ids: string[]): Promise<LogRow[]> {
  if (ids.length === 0) return [];
  return entries(db).where('log_entries.corrects_id', 'in', ids).orderBy('log_entries.at').execute();
}

export interface LogSearch {
  text: string;
  category?: LogEntriesTable['category'];
  tag: string;
  authorId?: string;
  fromIso?: string;
  toIso?: string;
  deviceId: string | null;
  limit: number;
}

/** Trigram FTS needs 3 characters; a phrase query quoted so punctuation is literal. */
const ftsPhrase = (text: string) => `"${text.replace(/"/g, '""')}"`;
const likeEscape = (text: string) => text.replace(/[%_\\]/g, (c) => `\\${c}`);
const likePattern = (text: string) => `%${likeEscape(text)}%`;

/**
 * A tag found by part of it: a unit by its leading parts ('2-1' → 2-1-1502, not 2-10-301) or with its
 * last part begun ('2-1-15' → 2-1-1502); a company by the start of its name. Case-blind (t-1801).
 */
function tagMatches(query: string) {
  const q = query.toUpperCase().replace(/-+$/, '');
  const parts = q.split('-').length;
  return sql<boolean>`(upper(log_entries.tag) = ${q}
    OR upper(log_entries.tag) LIKE ${`${likeEscape(q)}-%`} ESCAPE '\\'
    OR (upper(log_entries.tag) LIKE ${`${likeEscape(q)}%`} ESCAPE '\\'
        AND length(log_entries.tag) - length(replace(log_entries.tag, '-', '')) = ${parts - 1}))`;
}

/**
 * Searches all history. Text of 3+ characters goes through the FTS5 trigram index (a substring
 * match, Chinese included); 1–2 characters cannot use trigrams and fall back to LIKE over the
 * newest-first scan, which the other filters and the limit keep short in practice.
 * Returns the matching entries themselves (a matching correction included).
 */
export async function searchLog(db: Db, s: LogSearch): Promise<LogRow[]> {
  let q = entries(db);
  if (s.deviceId) q = q.where('log_entries.device_id', '=', s.deviceId);
  if (s.category) q = q.where('log_entries.category', '=', s.category);
  if (s.tag) q = q.where(tagMatches(s.tag));
  if (s.authorId) q = q.where('log_entries.author', '=', s.authorId);
  if (s.fromIso) q = q.where('log_entries.at', '>=', s.fromIso);
  if (s.toIso) q = q.where('log_entries.at', '<', s.toIso);
  // The text is also looked for in the tag: '2-1' typed in the search box finds what was tagged 2-1-1502.
  if (s.text && [...s.text].length >= 3) {
    q = q.where(
      sql<boolean>`(log_entries.rowid IN (SELECT rowid FROM log_fts WHERE log_fts MATCH ${ftsPhrase(s.text)}) OR ${tagMatches(s.text)})`,
    );
  } else if (s.text) {
    q = q.where(sql<boolean>`(log_entries.text LIKE ${likePattern(s.text)} ESCAPE '\\' OR ${tagMatches(s.text)})`);
  }
  return q.orderBy('log_entries.at', 'desc').limit(s.limit).execute();
}

export async function attachmentById(db: Db, id: string) {
  return db.selectFrom('log_attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Units and companies whose code/name starts with the query: what a log entry may be tagged with. */
export async function tagCandidates(db: Db, q: string, limit = 10) {
  const hi = `${q}\uffff`;
  const units = await db
    .selectFrom('units')
    .select('code')
    .where('code', '>=', q.toUpperCase())
    .where('code', '<', `${q.toUpperCase()}\uffff`)
    .orderBy('code')
    .limit(limit)
    .execute();
  const companies = await db
    .selectFrom('occupants')
    .select('company')
    .distinct()
    .where('company', '>=', q)
    .where('company', '<', hi)
    .where('company', '!=', '')
    .orderBy('company')
    .limit(limit)
    .execute();
  return [
    ...units.map((u) => ({ kind: 'unit' as const, value: u.code })),
    ...companies.map((c) => ({ kind: 'company' as const, value: c.company })),
  ];
}

/** A tag is a unit code or a company name that exists in the directory: its stored spelling, or null. */
export async function canonicalTag(db: Db, tag: string): Promise<string | null> {
  const unit = await db.selectFrom('units').select('code').where('code', '=', tag.toUpperCase()).executeTakeFirst();
  if (unit) return unit.code;
  const company = await db.selectFrom('occupants').select('company').where('company', '=', tag).limit(1).executeTakeFirst();
  return company ? company.company : null;
}
