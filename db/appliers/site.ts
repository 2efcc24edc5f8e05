import type { Applier } from './index.js';
import { setMeta } from '../meta.js';

export const siteAppliers: {
  SiteConfigured: Applier<'SiteConfigured'>;
  StaffCreated: Applier<'StaffCreated'>;
  StaffPinChanged: Applier<'StaffPinChanged'>;
} = {
  async SiteConfigured(db, { payload: p }) {
    await setMeta(db, 'site_id', p.siteId);
    await setMeta(db, 'site_code', p.siteCode);
    await setMeta(db, 'site_name', p.siteName);
    await setMeta(db, 'site_kind', p.siteKind);
    await setMeta(db, 'device_id', p.deviceId);
    await setMeta(db, 'device_code', p.deviceCode);
  },
  async StaffCreated(db, { payload: p, recordedAt }) {
    await db
      .insertInto('staff')
      .values({
        id: p.staffId,
        staff_no: p.staffNo,
        name: p.name,
        role: p.role,
        pin_hash: p.pinHash,
        active: 1,
        created_at: recordedAt,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },
  async StaffPinChanged(db, { payload: p }) {
    await db.updateTable('staff').set({ pin_hash: p.pinHash }).where('id', '=', p.staffId).execute();
  },
};
