import type { Kysely, Selectable } from 'kysely';
import type { Database, ShiftsTable } from '../schema.js';

type Db = Kysely<Database>;
export type ShiftRow = Selectable<ShiftsTable>;

export async function shiftById(db: Db, id: string): Promise<ShiftRow | undefined> {
  return db.selectFrom('shifts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** This desk's open shift (at most one: opening checks it inside the writing transaction). */
export async function openShiftOf(db: Db, deviceId: string): Promise<ShiftRow | undefined> {
  return db
    .selectFrom('shifts')
    .selectAll()
    .where('device_id', '=', deviceId)
    .where('closed_at', 'is', null)
    .orderBy('opened_at', 'desc')
    .executeTakeFirst();
}

/** This desk's last handover: the most recently closed shift. */
export async function lastClosedShiftOf(db: Db, deviceId: string): Promise<ShiftRow | undefined> {
  return db
    .selectFrom('shifts')
    .selectAll()
    .where('device_id', '=', deviceId)
    .where('closed_at', 'is not', null)
    .orderBy('closed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function closedShiftsOf(db: Db, deviceId: string, limit: number): Promise<ShiftRow[]> {
  return db
    .selectFrom('shifts')
    .selectAll()
    .where('device_id', '=', deviceId)
    .where('closed_at', 'is not', null)
    .orderBy('closed_at', 'desc')
    .limit(limit)
    .execute();
}

/** Open shifts of every desk of the site (the shift leader's overview). */
export async function openShiftsOfSite(db: Db): Promise<ShiftRow[]> {
  return db.selectFrom('shifts').selectAll().where('closed_at', 'is', null).orderBy('device_code').execute();
}

export async function abandonedShiftsSince(db: Db, sinceIso: string): Promise<ShiftRow[]> {
  return db
    .selectFrom('shifts')
    .selectAll()
    .where('abandoned', '=', 1)
    .where('closed_at', '>=', sinceIso)
    .orderBy('closed_at', 'desc')
    .execute();
}

export interface MemberRow {
  staff_id: string;
  name: string | null;
  joined_at: string;
  left_at: string | null;
}

export async function membersOf(db: Db, shiftId: string): Promise<MemberRow[]> {
  return db
    .selectFrom('shift_members')
    .leftJoin('staff', 'staff.id', 'shift_members.staff_id')
    .select(['shift_members.staff_id', 'staff.name', 'shift_members.joined_at', 'shift_members.left_at'])
    .where('shift_members.shift_id', '=', shiftId)
    .orderBy('shift_members.joined_at')
    .execute();
}

/** On the shift now: a stint that has not ended. */
export async function isOnShift(db: Db, shiftId: string, staffId: string): Promise<boolean> {
  const row = await db
    .selectFrom('shift_members')
    .select('staff_id')
    .where('shift_id', '=', shiftId)
    .where('staff_id', '=', staffId)
    .where('left_at', 'is', null)
    .executeTakeFirst();
  return Boolean(row);
}

export async function acknowledgementsOf(db: Db, handoverShiftId: string) {
  return db
    .selectFrom('handover_acks')
    .leftJoin('staff', 'staff.id', 'handover_acks.staff_id')
    .select(['handover_acks.staff_id', 'staff.name', 'handover_acks.at'])
    .where('handover_acks.handover_shift_id', '=', handoverShiftId)
    .orderBy('handover_acks.at')
    .execute();
}
