import { v7 as uuidv7 } from 'uuid';
import { ApiFailure, fieldError } from '../../../shared/api/result.js';
import { directoryPayload, parseDirectoryFile } from '../../../shared/import/directoryFile.js';
import { draft } from '../../../db/events.js';
import { directoryStats, existingDirectoryIds, hostById, searchHosts } from '../../../db/queries/directory.js';
import type { HandlerMap } from '../context.js';
import { displayPhone } from '../../../shared/domain/phone.js';
import { PHONE_REVEAL_SECONDS } from '../../../shared/api/schemas.js';
import { toHostMatch } from './visitView.js';
import { deskDay } from '../../../shared/domain/deskTime.js';

const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_PROBLEMS = 200;

export const directoryHandlers: Pick<
  HandlerMap,
  'directory:import' | 'directory:search' | 'directory:stats' | 'directory:moveOut' | 'directory:revealPhone'
> = {
  async 'directory:import'(input, ctx) {
    const bytes = Buffer.from(input.contentBase64, 'base64');
    if (bytes.length > MAX_FILE_BYTES) throw fieldError('fileName', 'err.import.tooLarge');
    const { good, problems } = await parseDirectoryFile(input.fileName, bytes);
    if (problems.length) {
      throw new ApiFailure('invalid_input', 'err.import.rows', [{ path: 'fileName', message: 'err.import.rows' }], {
        problems: problems.slice(0, MAX_PROBLEMS),
        total: problems.length,
      });
    }
    const { payload, created } = directoryPayload(good, await existingDirectoryIds(ctx.db));
    const { units, occupants } = payload;
    await ctx.transact((_trx, emit) =>
      emit(draft('DirectoryImported', { importId: uuidv7(), fileName: input.fileName, units, occupants })),
    );
    return { units: units.length, occupants: occupants.length, created, updated: occupants.length - created };
  },

  async 'directory:search'(input, ctx) {
    return (await searchHosts(ctx.db, input.q, input.limit)).map(toHostMatch);
  },

  // The only way a full phone number leaves the backend: each answer is recorded first, in the same
  // transaction, so no number is ever shown without its record.
  async 'directory:revealPhone'(input, ctx) {
    const host = await hostById(ctx.db, input.occupantId);
    if (!host) throw fieldError('occupantId', 'err.directory.unknownOccupant');
    if (!host.phone) throw fieldError('occupantId', 'err.directory.noPhone');
    await ctx.transact((_trx, emit) =>
      emit(draft('HostPhoneRevealed', { revealId: uuidv7(), occupantId: host.occupantId, unitCode: host.unitCode })),
    );
    return {
      occupantId: host.occupantId,
      phone: displayPhone(host.phone),
      revealedAt: ctx.now.toISOString(),
      hideAt: new Date(ctx.now.getTime() + PHONE_REVEAL_SECONDS * 1000).toISOString(),
    };
  },

  async 'directory:stats'(_input, ctx) {
    return directoryStats(ctx.db);
  },

  // The row stays (history, forwarded mail); the day counts for the month of forwarding.
  async 'directory:moveOut'(input, ctx) {
    if (!(await hostById(ctx.db, input.occupantId))) throw fieldError('occupantId', 'err.directory.unknownOccupant');
    if (input.movedOutOn && input.movedOutOn > deskDay(ctx.now)) throw fieldError('movedOutOn', 'err.directory.moveOutFuture');
    await ctx.transact((_trx, emit) =>
      emit(draft('OccupantMoveOutRecorded', { occupantId: input.occupantId, movedOutOn: input.movedOutOn })),
    );
    return toHostMatch((await hostById(ctx.db, input.occupantId))!);
  },
};
