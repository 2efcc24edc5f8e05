/**
 * The desk database schema version this build's HQ speaks: the desk's SCHEMA_VERSION (its migration
 * count). hq/ may not import db/, so the number lives here; test/faults/syncEdges.test.ts fails when
 * a desk migration is added without bumping it.
 */
export const DESK_SCHEMA_VERSION = 17;
