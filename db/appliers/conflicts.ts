import type { Applier } from './index.js';

/**
 * Nothing to project: the conflict inbox reads conflicts and their resolutions straight from the
 * events log (shared/conflicts/gather.ts), the same way HQ does, so no read table can disagree.
 */
export const conflictAppliers: {
  ConflictResolved: Applier<'ConflictResolved'>;
  RejectionHandled: Applier<'RejectionHandled'>;
} = {
  async ConflictResolved() {},
  async RejectionHandled() {},
};
