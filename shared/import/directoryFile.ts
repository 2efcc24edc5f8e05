import { v7 as uuidv7 } from 'uuid';
import { fieldError } from '../api/result.js';
import { columnOf, DirectoryRow, type DirectoryColumn, type ImportProblem } from '../api/directoryRow.js';
import type { EventPayload } from '../events/catalog.js';
import { readRecords, rowProblems } from './tableFile.js';

/** Columns that hold a name: a `?` there most likely stood for a character the file's encoding lost. */
const NAME_COLUMNS: readonly DirectoryColumn[] = ['name', 'company'];

/**
 * A `?` next to a CJK character, or a name of only `?`s: what a GBK save leaves of a character it
 * cannot encode (𠮷 and the rest of Extension B). A lone `?` in a Latin name ("Who? Ltd") passes.
 */
const LOST_CJK = /[?？]+(?=\p{Script=Han})|(?<=\p{Script=Han})[?？]+|^[?？\s]+$/u;

/**
 * Characters the file's bytes did not carry: U+FFFD anywhere (bytes that did not decode), a `?` in a
 * name where a CJK character stood. Such a row would store a name that is not the person's.
 */
function lostCharacters(line: number, record: Partial<Record<DirectoryColumn, string>>): ImportProblem[] {
  return (Object.entries(record) as [DirectoryColumn, string][])
    .filter(([col, v]) => v.includes('\uFFFD') || (NAME_COLUMNS.includes(col) && LOST_CJK.test(v.trim())))
    .map(([column]) => ({ line, column, message: 'err.import.lostCharacter' }));
}

export type DirectoryPayload = Pick<EventPayload<'DirectoryImported'>, 'units' | 'occupants'>;

/** Ids already given to units (by code) and occupants (by unit id + name), so a re-import updates them. */
export interface KnownDirectoryIds {
  units: Map<string, string>;
  occupants: Map<string, string>;
}

/**
 * Reads an occupant directory (CSV in UTF-8 or GB18030/GBK, or XLSX; Chinese or English headers) and checks
 * every row first: the desk and HQ import the same files by the same rules. Returns the good rows
 * and every problem by line; the caller imports nothing while there is one.
 */
export async function parseDirectoryFile(fileName: string, bytes: Buffer) {
  const { columns, records } = await readRecords(fileName, bytes, columnOf);
  if (!columns) throw fieldError('fileName', 'err.import.empty');
  const missing = (['unit'] as DirectoryColumn[]).filter((c) => !columns.includes(c));
  if (missing.length || !(columns.includes('name') || columns.includes('company'))) {
    throw fieldError('fileName', 'err.import.header');
  }
  if (records.length === 0) throw fieldError('fileName', 'err.import.empty');
  const problems: ImportProblem[] = [];
  const good: (DirectoryRow & { line: number })[] = [];
  const seen = new Set<string>();
  for (const { line, record } of records) {
    const lost = lostCharacters(line, record);
    if (lost.length) {
      problems.push(...lost);
      continue;
    }
    const parsed = DirectoryRow.safeParse(record);
    if (!parsed.success) {
      problems.push(...rowProblems(line, parsed.error.issues));
      continue;
    }
    const key = `${parsed.data.unit}\u0000${parsed.data.name}`;
    if (seen.has(key)) problems.push({ line, column: 'name', message: 'err.import.duplicate' });
    seen.add(key);
    good.push({ ...parsed.data, line });
  }
  problems.sort((a, b) => a.line - b.line);
  return { good, problems };
}

/**
 * The DirectoryImported payload for checked rows. Ids are decided here, not in an applier, so every
 * desk that applies the event gets the same rows; known ids are kept so a re-import updates.
 */
export function directoryPayload(good: readonly DirectoryRow[], known: KnownDirectoryIds) {
  const units = new Map<string, DirectoryPayload['units'][number]>();
  for (const r of good) {
    const existing = units.get(r.unit);
    if (!existing)
      units.set(r.unit, { id: known.units.get(r.unit) ?? uuidv7(), code: r.unit, building: r.building, areaM2: r.areaM2 });
    else if (existing.areaM2 === null && r.areaM2 !== null) existing.areaM2 = r.areaM2;
  }
  let created = 0;
  const occupants = good.map((r) => {
    const unitId = units.get(r.unit)!.id;
    const id = known.occupants.get(`${unitId}\u0000${r.name}`);
    if (!id) created++;
    return { id: id ?? uuidv7(), unitId, name: r.name, phone: r.phone, role: r.role, company: r.company };
  });
  const payload: DirectoryPayload = { units: [...units.values()], occupants };
  return { payload, created };
}
