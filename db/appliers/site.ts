import type { Applier } from './index.js';
import { setMeta, SITE_DETAILS_KEY } from '../meta.js';

export const siteAppliers: {
  SiteConfigured: Applier<'SiteConfigured'>;
  StaffCreated: Applier<'StaffCreated'>;
  StaffPinChanged: Applier<'StaffPinChanged'>;
  SiteSettingsChanged: Applier<'SiteSettingsChanged'>;
  SiteDetailsChanged: Applier<'SiteDetailsChanged'>;
} = {
  async SiteConfigured(db, { payload: p }) {
    await setMeta(db, 'site_id', p.siteId);
    await setMeta(db, 'site_code', p.siteCode);
    await setMeta(db, 'site_name', p.siteName);
    await setMeta(db, 'site_kind', p.siteKind);
    await setMeta(db, 'device_id', p.deviceId);
    await setMeta(db, 'device_code', p.deviceCode);
  },
  async StaffCreated(db, { payload: p, recordedAt, hlc }) {
    await db
      .insertInto('staff')
      .values({
        id: p.staffId,
        staff_no: p.staffNo,
        name: p.name,
        role: p.role,
        pin_hash: p.pinHash,
        pin_hlc: hlc,
        active: 1,
        created_at: recordedAt,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },
  // Two desks changing one person's PIN offline: the later change (HLC) wins on every desk.
  async StaffPinChanged(db, { payload: p, hlc }) {
    await db
      .updateTable('staff')
      .set({ pin_hash: p.pinHash, pin_hlc: hlc, must_change_pin: 0 })
      .where('id', '=', p.staffId)
      .where((eb) => eb.or([eb('pin_hlc', 'is', null), eb('pin_hlc', '<', hlc)]))
      .execute();
  },
  // Per key, the change with the later HLC wins, whatever order the desks receive them in.
  async SiteSettingsChanged(db, { payload: p, hlc, id }) {
    for (const [key, v] of Object.entries(p.changes)) {
      if (v === undefined) continue;
      const value = JSON.stringify(v);
      await db
        .insertInto('site_settings')
        .values({ key, value, hlc, event_id: id })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, hlc, event_id: id }).where('site_settings.hlc', '<', hlc))
        .execute();
    }
  },
  // The whole record, latest by HLC; the site identity's name (what documents print) is read from it.
  async SiteDetailsChanged(db, { payload: p, hlc, id }) {
    const value = JSON.stringify(p.details);
    await db
      .insertInto('site_settings')
      .values({ key: SITE_DETAILS_KEY, value, hlc, event_id: id })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, hlc, event_id: id }).where('site_settings.hlc', '<', hlc))
      .execute();
  },
};
