import type { Kysely } from 'kysely';
import type { HqDatabase } from '../pg/schema.js';
import type { Projection } from './types.js';
import { visitsProjection } from './visits.js';
import { releasePassesProjection } from './releasePasses.js';
import { shiftsProjection } from './shifts.js';
import { feesProjection } from './fees.js';
import { ticketsProjection } from './tickets.js';
import { mailProjection } from './mail.js';
import { staffProjection } from './staff.js';
import { retentionProjection } from './retention.js';
import { personErasureProjection } from './personErasure.js';

/**
 * Every HQ projection. A feature adds its file and one line here;
 * event types no projection names are stored in the event table only.
 */
export const projections: Projection[] = [
  visitsProjection,
  releasePassesProjection,
  shiftsProjection,
  feesProjection,
  ticketsProjection,
  mailProjection,
  staffProjection,
  retentionProjection,
  personErasureProjection,
];

export const projectionMigrations = projections.map((p) => ({
  name: `projection_${p.name}`,
  up: (db: Kysely<HqDatabase>) => p.up(db),
}));

type FactFn = (trx: Kysely<HqDatabase>, siteId: string, events: never[]) => Promise<void>;
type CheckFn = (trx: Kysely<HqDatabase>, siteId: string, event: never) => Promise<string | null>;

export const factHandlers = new Map<string, FactFn>();
export const checkedHandlers = new Map<string, CheckFn>();
for (const p of projections) {
  for (const [type, fn] of Object.entries(p.facts ?? {})) factHandlers.set(type, fn as FactFn);
  for (const [type, fn] of Object.entries(p.checked ?? {})) checkedHandlers.set(type, fn as CheckFn);
}
