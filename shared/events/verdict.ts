import type { z } from 'zod';
import { eventCatalog } from './catalog.js';

/** A catalog as a build knows it: each event type's current `v` and payload schema. */
export type CatalogLike = Readonly<Record<string, { v: number; payload: z.ZodType }>>;

export const thisBuildsCatalog: CatalogLike = eventCatalog;

/**
 * What this build can do with an event, by its catalog: `unknown_type` and `newer_version` come from a
 * newer build (kept for when this one is updated, never refused for good); `invalid_payload` breaks the
 * schema of the version it claims. An older `v` is taken as sent (its shape was valid when written).
 */
export type Verdict = { reason: 'unknown_type' | 'newer_version' | 'invalid_payload'; detail: string } | null;

export function judgeEvent(e: { type: string; v: number; payload: unknown }, catalog: CatalogLike = thisBuildsCatalog): Verdict {
  const entry = Object.prototype.hasOwnProperty.call(catalog, e.type) ? catalog[e.type] : undefined;
  if (!entry) return { reason: 'unknown_type', detail: e.type };
  if (e.v > entry.v) return { reason: 'newer_version', detail: `${e.type} v${e.v}` };
  if (e.v === entry.v) {
    const r = entry.payload.safeParse(e.payload);
    if (!r.success) return { reason: 'invalid_payload', detail: `${e.type}: ${r.error.message}`.slice(0, 500) };
  }
  return null;
}

/** A verdict a newer build would not give: the event waits for this build's update. */
export const fromNewerBuild = (v: Verdict) => v !== null && v.reason !== 'invalid_payload';
