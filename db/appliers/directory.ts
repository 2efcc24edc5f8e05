import { pinyin } from 'pinyin-pro';
import type { Applier } from './index.js';

const reverse = (s: string) => [...s].reverse().join('');

/** Pinyin keys for searching by initials ("zs" finds 张三) or full pinyin; surnames read as surnames. */
export function pinyinKeys(name: string): { initials: string; pinyin: string } {
  if (!/[\u3400-\u9fff]/.test(name)) {
    const plain = name.toLowerCase().replace(/\s+/g, '');
    return { initials: plain, pinyin: plain };
  }
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' });
  return {
    initials: syllables
      .map((s) => s[0] ?? '')
      .join('')
      .toLowerCase(),
    pinyin: syllables.join('').toLowerCase().replace(/\s+/g, ''),
  };
}

export const directoryAppliers: {
  DirectoryImported: Applier<'DirectoryImported'>;
  OccupantMoveOutRecorded: Applier<'OccupantMoveOutRecorded'>;
  HostPhoneRevealed: Applier<'HostPhoneRevealed'>;
} = {
  // The event in the log is the whole record (who, when, whose number): no read table changes.
  async HostPhoneRevealed() {},
  async OccupantMoveOutRecorded(db, { payload: p, hlc }) {
    await db
      .updateTable('occupants')
      .set({ moved_out_on: p.movedOutOn, moved_out_hlc: hlc })
      .where('id', '=', p.occupantId)
      .where((eb) => eb.or([eb('moved_out_hlc', 'is', null), eb('moved_out_hlc', '<', hlc)]))
      .execute();
  },
  async DirectoryImported(db, { payload: p }) {
    // Imports merge: units are upserted by code and occupants by (unit, name), so re-applying writes the
    // same rows, and an import pulled from another desk (or HQ) that names a unit or occupant this desk
    // already has under another id updates that row instead of failing on the unique unit code — which
    // would stop every later pull. Rows this desk has keep their ids; the event's ids are mapped to them.
    const unitIds = new Map<string, string>();
    for (const chunk of chunks(p.units, 200)) {
      const existing = await db
        .selectFrom('units')
        .select(['id', 'code'])
        .where(
          'code',
          'in',
          chunk.map((u) => u.code),
        )
        .execute();
      const byCode = new Map(existing.map((u) => [u.code, u.id]));
      for (const u of chunk) unitIds.set(u.id, byCode.get(u.code) ?? u.id);
      await db
        .insertInto('units')
        .values(
          chunk.map((u) => ({
            id: unitIds.get(u.id)!,
            code: u.code,
            code_rev: reverse(u.code),
            building: u.building,
            area_m2: u.areaM2,
          })),
        )
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({ building: eb.ref('excluded.building'), area_m2: eb.ref('excluded.area_m2') })),
        )
        .execute();
    }
    for (const chunk of chunks(p.occupants, 200)) {
      const localUnit = (id: string) => unitIds.get(id) ?? id;
      const existing = await db
        .selectFrom('occupants')
        .select(['id', 'unit_id', 'name'])
        .where('unit_id', 'in', [...new Set(chunk.map((o) => localUnit(o.unitId)))])
        .execute();
      const byKey = new Map(existing.map((o) => [`${o.unit_id}\u0000${o.name}`, o.id]));
      await db
        .insertInto('occupants')
        .values(
          chunk.map((o) => ({
            id: byKey.get(`${localUnit(o.unitId)}\u0000${o.name}`) ?? o.id,
            unit_id: localUnit(o.unitId),
            name: o.name,
            phone: o.phone,
            phone_rev: reverse(o.phone),
            role: o.role,
            company: o.company,
            ...pinyinKeys(o.name),
          })),
        )
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            phone: eb.ref('excluded.phone'),
            phone_rev: eb.ref('excluded.phone_rev'),
            role: eb.ref('excluded.role'),
            company: eb.ref('excluded.company'),
          })),
        )
        .execute();
    }
  },
};

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
