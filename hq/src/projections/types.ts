import type { Kysely } from 'kysely';
import type { DomainEvent, EventType } from '../../../shared/events/catalog.js';
import type { HqDatabase } from '../pg/schema.js';

// Projection tables are created by their projection and reached through `sql`, so the core types stay small.
export type HqDb = Kysely<HqDatabase>;

/**
 * One feature's read model at HQ. Facts commute and are applied in bulk; checked events (closing
 * events, references to earlier records) are validated against the projection one by one and
 * answer a rejection reason, or null when applied. Adding a feature = one file + one registry line.
 */
export interface Projection {
  name: string;
  up: (db: HqDb) => Promise<void>;
  facts?: Partial<{ [T in EventType]: (trx: HqDb, siteId: string, events: DomainEvent<T>[]) => Promise<void> }>;
  checked?: Partial<{ [T in EventType]: (trx: HqDb, siteId: string, event: DomainEvent<T>) => Promise<string | null> }>;
}
