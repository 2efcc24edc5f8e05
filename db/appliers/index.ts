import type { Kysely } from 'kysely';
import type { DomainEvent, EventType } from '../../shared/events/catalog.js';
import type { Database } from '../schema.js';
import { siteAppliers } from './site.js';
import { staffAppliers } from './staff.js';
import { directoryAppliers } from './directory.js';
import { visitAppliers } from './visits.js';
import { printAppliers } from './print.js';
import { shiftAppliers } from './shifts.js';
import { logAppliers } from './log.js';
import { releasePassAppliers } from './releasePasses.js';
import { feeAppliers } from './fees.js';
import { ticketAppliers } from './tickets.js';
import { mailAppliers } from './mail.js';
import { privacyAppliers } from './privacy.js';
import { retentionAppliers } from './retention.js';
import { personErasureAppliers } from './personErasure.js';
import { conflictAppliers } from './conflicts.js';

export type Applier<T extends EventType> = (db: Kysely<Database>, event: DomainEvent<T>) => Promise<void>;
export type ApplierMap = { [T in EventType]: Applier<T> };

/**
 * One applier per event type; each is deterministic and idempotent on its own (inserts ignore a
 * row that exists, updates only move state forward), besides the event-id guard in applyEvent.
 */
export const appliers: ApplierMap = {
  ...siteAppliers,
  ...staffAppliers,
  ...directoryAppliers,
  ...visitAppliers,
  ...printAppliers,
  ...shiftAppliers,
  ...logAppliers,
  ...releasePassAppliers,
  ...feeAppliers,
  ...ticketAppliers,
  ...mailAppliers,
  ...privacyAppliers,
  ...retentionAppliers,
  ...personErasureAppliers,
  ...conflictAppliers,
};
