import { z } from 'zod';
import { read, write } from './define.js';
import { personName, pin, role, staffNo } from '../../../../shared/api/fields.js';
import { strongPin } from '../../../../shared/api/schemas.js';
import { ROLES } from '../../../../shared/domain/staff.js';

/*
 * A site's desk staff at HQ (issue 21 item 3). Field messages are the desk's own keys (err.*): the rules are
 * the desk's (shared/api/fields.ts), and the console shows them in the desk's words.
 */
const siteId = z.string().min(1);

export const StaffListInput = z.strictObject({ siteId });

const SiteStaff = z.strictObject({
  staffId: z.string(),
  staffNo: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  /** The last PIN set for them is a reset (by a desk or HQ): they choose their own at next desk sign-in. */
  mustChangePin: z.boolean(),
});

/** A privileged change a desk made, held for an HQ administrator (hq/src/store/held.ts). */
const HeldChange = z.strictObject({
  eventId: z.string(),
  type: z.string(),
  /** The person it changes, `staffNo name`. */
  who: z.string(),
  role: z.enum(ROLES).nullable(),
  by: z.string(),
  deviceCode: z.string(),
  heldAt: z.string(),
  why: z.string(),
});

export const StaffList = z.strictObject({ staff: z.array(SiteStaff), held: z.array(HeldChange) });

export const CreateStaffInput = z
  .strictObject({ siteId, staffNo, name: personName, role, pin })
  .superRefine((s, ctx) => strongPin(s, s.role, ctx, ['pin']));

export const SetStaffRoleInput = z.strictObject({ siteId, staffId: z.string().min(1), role });
/** Disable or enable by staff number, as the CLI's disable-staff / enable-staff do. */
export const SetStaffActiveInput = z.strictObject({ siteId, staffNo, active: z.boolean() });
export const ResetStaffPinInput = z.strictObject({ siteId, staffId: z.string().min(1), pin });
export const HeldInput = z.strictObject({ siteId, eventId: z.string().min(1) });
export const RefuseHeldInput = HeldInput.extend({
  reason: z.string().trim().min(1, 'staff.err.reasonRequired').max(200, 'err.tooLong'),
});

const Done = z.strictObject({ lines: z.array(z.string()) });

/** Reads for the HQ admin and the auditor; every act the HQ admin's only. */
export const staffProcs = {
  'staff.list': read(StaffListInput, StaffList, ['admin', 'auditor']),
  'staff.create': write(CreateStaffInput, z.strictObject({ staffId: z.string() }), ['admin']),
  'staff.setRole': write(SetStaffRoleInput, Done, ['admin']),
  'staff.setActive': write(SetStaffActiveInput, Done, ['admin']),
  'staff.resetPin': write(ResetStaffPinInput, Done, ['admin']),
  'staff.confirm': write(HeldInput, Done, ['admin']),
  'staff.refuse': write(RefuseHeldInput, Done, ['admin']),
};
