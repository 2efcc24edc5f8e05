import type { Applier } from './index.js';

/**
 * Staff edits from any desk converge: each field group moves only to a later HLC, so two desks
 * that edited or disabled the same person offline end with the same row whatever order events arrive in.
 */
export const staffAppliers: {
  StaffUpdated: Applier<'StaffUpdated'>;
  StaffDisabled: Applier<'StaffDisabled'>;
  StaffEnabled: Applier<'StaffEnabled'>;
  StaffPinReset: Applier<'StaffPinReset'>;
} = {
  async StaffUpdated(db, { payload: p, hlc }) {
    await db
      .updateTable('staff')
      .set({ name: p.name, role: p.role, profile_hlc: hlc })
      .where('id', '=', p.staffId)
      .where((eb) => eb.or([eb('profile_hlc', 'is', null), eb('profile_hlc', '<', hlc)]))
      .execute();
  },
  async StaffDisabled(db, { payload: p, hlc }) {
    await setActive(db, p.staffId, 0, hlc);
  },
  async StaffEnabled(db, { payload: p, hlc }) {
    await setActive(db, p.staffId, 1, hlc);
  },
  // Shares `pin_hlc` with StaffPinChanged: the later of a reset and the person's own change wins, and with it whether they must change it.
  // A reset also lifts the person's PIN lockout at this desk: the wrong guesses were at a PIN that is gone,
  // and a leader locked out for an hour is let in by a manager's audited reset, not by a silent unlock.
  async StaffPinReset(db, { payload: p, hlc }) {
    const reset = await db
      .updateTable('staff')
      .set({ pin_hash: p.pinHash, pin_hlc: hlc, must_change_pin: 1 })
      .where('id', '=', p.staffId)
      .where((eb) => eb.or([eb('pin_hlc', 'is', null), eb('pin_hlc', '<', hlc)]))
      .executeTakeFirst();
    if (reset.numUpdatedRows > 0n) await db.deleteFrom('pin_attempts').where('staff_id', '=', p.staffId).execute();
  },
};

async function setActive(db: Parameters<Applier<'StaffEnabled'>>[0], staffId: string, active: 0 | 1, hlc: string) {
  await db
    .updateTable('staff')
    .set({ active, active_hlc: hlc })
    .where('id', '=', staffId)
    .where((eb) => eb.or([eb('active_hlc', 'is', null), eb('active_hlc', '<', hlc)]))
    .execute();
}
