import { v4 as uuidv4 } from 'uuid';
import { CheckInInput } from '../../../../shared/api/schemas';
import type { FormOf, SchemaForm } from '../../forms/useSchemaForm';

/** The check-in form is the procedure's input; the deny-list override is asked for afterwards, in its modal. */
export const CheckInForm = CheckInInput.omit({ denyOverride: true });
export type CheckInValues = FormOf<typeof CheckInForm>;
export type CheckInFormApi = SchemaForm<CheckInValues>;

export const PURPOSES = ['visit', 'business', 'delivery', 'maintenance', 'interview', 'express', 'other'] as const;
export const DURATIONS = [30, 60, 120, 240, 480, 720];

/** A fresh registration: `requestId` is made when the form opens, so a retried submit returns the first visit. */
export const emptyCheckIn = (expectedMinutes = 120): CheckInValues => ({
  requestId: uuidv4(),
  visitor: { idType: 'resident_id', idNumber: '', name: '', phone: '' },
  partySize: 1,
  hostOccupantId: '',
  purpose: '',
  plate: '',
  expectedMinutes,
  hostConfirmation: undefined,
  note: '',
});
