import type { Applier } from './index.js';

export const privacyAppliers: { PersonalDataRead: Applier<'PersonalDataRead'> } = {
  // The event in the log is the whole audit record (who, when, what, why): no read table changes.
  async PersonalDataRead() {},
};
