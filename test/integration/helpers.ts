import './chinaTime.js';
import { expect } from 'vitest';
import { roleAtLeast, type Role } from '../../shared/domain/staff.js';
import type { ApiError, ApiResult } from '../../shared/api/result.js';
import { ADMIN, type TestDesk } from '../support/desk.js';

/**
 * Creates a staff member (as the admin), signs them in at a window of their own and, when the desk
 * has a shift open, has them join it (reading and acknowledging its handover if it has one).
 */
export async function addStaff(desk: TestDesk, role: Role, staffNo: string, pin: string, name = `员工${staffNo}`) {
  const staff = await desk.ok('staff:create', { staffNo, name, role, pin });
  await desk.ok('auth:signIn', { staffNo, pin }, staffNo);
  // Desk staff join the open shift; a guard works the gate, which runs no shifts.
  const state = roleAtLeast(role, 'receptionist') ? await desk.ok('shift:state', {}, staffNo) : null;
  if (state?.current && !state.takeOver) {
    if (state.handoverShiftId) await desk.ok('shift:handover', {}, staffNo);
    await desk.ok('shift:join', { handoverShiftId: state.handoverShiftId, pin }, staffNo);
  }
  return { ...staff, pin, session: staffNo };
}

export function tableNames(desk: TestDesk): string[] {
  return (
    desk.backend.database.raw
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[]
  ).map((r) => r.name);
}

/** Every row of every table (or the given ones), in a stable order: what "nothing changed" means. */
export function snapshot(desk: TestDesk, tables = tableNames(desk)): Record<string, unknown[]> {
  const raw = desk.backend.database.raw;
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    const cols = (raw.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => `"${c.name}"`);
    out[t] = raw.prepare(`SELECT * FROM ${t} ORDER BY ${cols.join(', ')}`).all();
  }
  return out;
}

export function counts(desk: TestDesk, tables = ['events', 'visits', 'print_jobs']): Record<string, number> {
  return Object.fromEntries(tables.map((t) => [t, desk.count(t)]));
}

/** Insists on a failure and returns its error. */
export function failure<T>(r: ApiResult<T>): ApiError {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value)}`);
  return r.error;
}

/** An invalid_input failure whose issues name `path`. */
export function expectFieldError<T>(r: ApiResult<T>, path: string, message?: string): ApiError {
  const error = failure(r);
  expect(error.code).toBe('invalid_input');
  const paths = (error.issues ?? []).map((i) => i.path);
  expect(paths).toContain(path);
  if (message) expect(error.issues?.find((i) => i.path === path)?.message).toBe(message);
  return error;
}

export const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/**
 * Lets time pass at the desk. The idle lock would lock the admin's window meanwhile, so the admin
 * signs in again afterwards, as the person at the desk would.
 */
export async function later(desk: TestDesk, minutes: number) {
  desk.clock.advance(minutes);
  await desk.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin });
}
