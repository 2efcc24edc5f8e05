import { v7 as uuidv7 } from 'uuid';
import { ApiFailure, fieldError } from '../../../shared/api/result.js';
import { columnOf, DirectoryRow, type DirectoryColumn, type ImportProblem } from '../../../shared/api/directoryRow.js';
import { draft } from '../../../db/events.js';
import { directoryStats, existingDirectoryIds, searchHosts } from '../../../db/queries/directory.js';
import type { EventPayload } from '../../../shared/events/catalog.js';
import { readTableFile } from '../tableFile.js';
import type { HandlerMap } from '../context.js';
import { toHostMatch } from './visits.js';

const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_PROBLEMS = 200;

/** Validates every row first; one bad row means nothing is imported and every problem is listed. */
async function parseDirectory(fileName: string, bytes: Buffer) {
  let table;
  try {
    table = await readTableFile(fileName, bytes);
  } catch {
    throw fieldError('fileName', 'err.import.fileType');
  }
  const [header, ...rows] = table;
  if (!header) throw fieldError('fileName', 'err.import.empty');
  const columns = header.cells.map(columnOf);
  const missing = (['unit'] as DirectoryColumn[]).filter((c) => !columns.includes(c));
  if (missing.length || !(columns.includes('name') || columns.includes('company'))) {
    throw fieldError('fileName', 'err.import.header');
  }
  const problems: ImportProblem[] = [];
  const good: (DirectoryRow & { line: number })[] = [];
  for (const row of rows) {
    const record: Partial<Record<DirectoryColumn, string>> = {};
    columns.forEach((col, i) => {
      if (col) record[col] = row.cells[i] ?? '';
    });
    const parsed = DirectoryRow.safeParse(record);
    if (parsed.success) good.push({ ...parsed.data, line: row.line });
    else
      for (const issue of parsed.error.issues)
        problems.push({ line: row.line, column: String(issue.path[0] ?? ''), message: issue.message });
  }
  if (rows.length === 0) throw fieldError('fileName', 'err.import.empty');
  return { good, problems };
}

export const directoryHandlers: Pick<HandlerMap, 'directory:import' | 'directory:search' | 'directory:stats'> = {
  async 'directory:import'(input, ctx) {
    const bytes = Buffer.from(input.contentBase64, 'base64');
    if (bytes.length > MAX_FILE_BYTES) throw fieldError('fileName', 'err.import.tooLarge');
    const { good, problems } = await parseDirectory(input.fileName, bytes);
    const seen = new Map<string, number>();
    for (const r of good) {
      const key = `${r.unit}\u0000${r.name}`;
      const first = seen.get(key);
      if (first !== undefined) problems.push({ line: r.line, column: 'name', message: 'err.import.duplicate' });
      else seen.set(key, r.line);
    }
    if (problems.length) {
      problems.sort((a, b) => a.line - b.line);
      throw new ApiFailure('invalid_input', 'err.import.rows', [{ path: 'fileName', message: 'err.import.rows' }], {
        problems: problems.slice(0, MAX_PROBLEMS),
        total: problems.length,
      });
    }
    // Ids are decided here, not in the applier, so every desk that applies the event gets the same rows.
    const known = await existingDirectoryIds(ctx.db);
    const units = new Map<string, EventPayload<'DirectoryImported'>['units'][number]>();
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
    await ctx.transact((_trx, emit) =>
      emit(draft('DirectoryImported', { importId: uuidv7(), fileName: input.fileName, units: [...units.values()], occupants })),
    );
    return { units: units.size, occupants: occupants.length, created, updated: occupants.length - created };
  },

  async 'directory:search'(input, ctx) {
    return (await searchHosts(ctx.db, input.q, input.limit)).map(toHostMatch);
  },

  async 'directory:stats'(_input, ctx) {
    return directoryStats(ctx.db);
  },
};
