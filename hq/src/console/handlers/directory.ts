import { ApiFailure } from '../../../../shared/api/result.js';
import type { ImportProblem } from '../../../../shared/api/directoryRow.js';
import { importCharges, importDirectory, siteDirectory, type ImportResult } from '../../store/masterImport.js';
import { IMPORT_MAX_BYTES, type directoryProcs } from '../contract/directory.js';
import { ConsoleError, fieldError } from '../contract/errors.js';
import type { ConsoleCtx, ConsoleHandlers } from './context.js';
import { raiseSiteCharge } from '../store/siteCharges.js';

/** As many lines as the desk lists (electron/api/handlers/directory.ts): a wrong file says enough by then. */
const MAX_PROBLEMS = 200;

async function siteIn(ctx: ConsoleCtx, siteId: string) {
  ctx.scope.assertSite(siteId);
  const site = await ctx.db.selectFrom('sites').select('id').where('id', '=', siteId).executeTakeFirst();
  if (!site) throw new ConsoleError('not_found', 'directory.err.noSite');
}

/** Every bad line as an issue at `line.<n>.<column>` (contract/directory.ts), after the file's own. */
const refused = (problems: ImportProblem[]) =>
  new ConsoleError('invalid_input', 'directory.err.rows', [
    { path: 'fileName', message: 'directory.err.rows' },
    ...problems.slice(0, MAX_PROBLEMS).map((p) => ({ path: `line.${p.line}.${p.column}`, message: p.message })),
  ]);

/**
 * The CLI's import run on the uploaded file; the file-level refusals of the desk's parsers (empty, no
 * header, a file type it does not read) come as the desk's ApiFailure and are said at `fileName`.
 */
async function imported<Counts>(
  run: (db: ConsoleCtx['db'], siteId: string, fileName: string, bytes: Buffer) => Promise<ImportResult<Counts>>,
  ctx: ConsoleCtx,
  input: { siteId: string; fileName: string; contentBase64: string },
): Promise<Counts> {
  await siteIn(ctx, input.siteId);
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length === 0) throw fieldError('fileName', 'err.import.empty');
  if (bytes.length > IMPORT_MAX_BYTES) throw fieldError('fileName', 'directory.err.tooLarge');
  let result: ImportResult<Counts>;
  try {
    result = await run(ctx.db, input.siteId, input.fileName, bytes);
  } catch (e) {
    if (e instanceof ApiFailure) throw new ConsoleError('invalid_input', e.message, e.issues);
    throw e;
  }
  if (!result.ok) throw refused(result.problems);
  return result.counts;
}

export const directoryHandlers: ConsoleHandlers<typeof directoryProcs> = {
  async 'directory.units'({ siteId }, ctx) {
    await siteIn(ctx, siteId);
    const { units } = await siteDirectory(ctx.db, siteId);
    return [...units]
      .map(([code, u]) => ({ unitId: u.id, code, areaM2: u.area }))
      .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
  },

  async 'directory.importDirectory'(input, ctx) {
    const c = await imported(importDirectory, ctx, input);
    return { units: c.units, occupants: c.occupants, created: c.created };
  },

  async 'directory.importCharges'(input, ctx) {
    const c = await imported(importCharges, ctx, input);
    return { charges: c.charges, units: c.units, totalFen: c.totalFen };
  },

  async 'directory.raiseCharge'({ siteId, ...input }, ctx) {
    await siteIn(ctx, siteId);
    const c = await raiseSiteCharge(ctx.db, siteId, input);
    return { chargeId: c.chargeId, unitCode: c.unitCode, item: c.item, period: c.period, amountFen: c.amountFen };
  },
};
