import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the HQ database (PostgreSQL). Projection tables are typed in their own files. */
/** 'waiting': it names a record HQ does not hold yet, or a version it does not know (store/waiting.ts). */
export type EventStatus = 'ok' | 'rejected' | 'held' | 'waiting';

export interface HqDatabase {
  hq_migrations: { name: string; applied_at: ColumnType<Date, string | undefined, never> };
  sites: {
    id: string;
    code: string;
    name: string;
    kind: string;
    /** Last site version handed out; bumped only under this row's lock. */
    version: ColumnType<string, number | undefined, number>;
    created_at: ColumnType<Date, string | undefined, never>;
    /** HMAC key for the site's ID numbers (electron/privacy/idHash.ts): the first enrolling desk's, given to the others. */
    id_key: ColumnType<string | null, string | null | undefined, string | null>;
    /** Which desk releases the site's desks get (`set-channel`, `publish-desk --sites`): 'stable' or 'pilot'. */
    update_channel: ColumnType<string, string | undefined, string>;
  };
  /** Local site ids that desks set up before enrolling; their events belong to `site_id`. */
  site_aliases: { alias: string; site_id: string };
  /** Device → site, one row per device ever enrolled: read first when a request names only its device. */
  device_sites: { device_id: string; site_id: string };
  devices: {
    id: string;
    site_id: string;
    code: string;
    secret_hash: string;
    last_seq: ColumnType<string, number | undefined, number>;
    enrolled_at: ColumnType<Date, string | undefined, never>;
    revoked_at: ColumnType<Date | null, string | null | undefined, string | null>;
    last_seen_at: ColumnType<Date | null, string | null | undefined, string | null>;
    /** Desk clock minus HQ clock at the last push, in ms (flagged when over 5 minutes). */
    drift_ms: ColumnType<string | null, number | null | undefined, number | null>;
    /** The device this one replaced (replace-device): revoked, its last seq carried over to this one. */
    replaces: ColumnType<string | null, string | null | undefined, never>;
    /** The desk app version it said at its last handshake (null: a desk that does not say it). */
    app_version: ColumnType<string | null, string | null | undefined, string | null>;
  };
  enroll_codes: {
    code: string;
    site_id: string;
    device_code: string;
    created_at: ColumnType<Date, string | undefined, never>;
    used_at: ColumnType<Date | null, string | null | undefined, string | null>;
    used_by: string | null;
    /** Set on a replacement code: the device it replaces. */
    replaces: ColumnType<string | null, string | null | undefined, never>;
  };
  events: {
    device_id: string;
    device_seq: ColumnType<string, number, never>;
    id: string;
    site_id: string;
    /** Served by pull only when status is 'ok'; a held event gets a new one when confirmed. */
    site_version: ColumnType<string, number, number>;
    hlc: string;
    type: string;
    v: number;
    actor: string;
    desk_site_id: string;
    payload: ColumnType<unknown, string, never>;
    recorded_at: string;
    received_at: Generated<Date>;
    status: ColumnType<EventStatus, EventStatus, 'ok' | 'rejected'>;
    reject_reason: string | null;
    reject_detail: string | null;
  };
  held_events: {
    device_id: string;
    device_seq: ColumnType<string, number, never>;
    event_id: string;
    site_id: string;
    /** Why HQ held it (held_for_hq detail as the desk sees it). */
    why: string;
    held_at: Generated<Date>;
    decision: 'confirmed' | 'refused' | null;
    decided_at: ColumnType<Date | null, string | null | undefined, string | null>;
    refuse_reason: string | null;
  };
  /** History epochs (hq/src/store/history.ts): the newest `n` is current; a restore-mark names its parent. */
  hq_epochs: {
    epoch: string;
    n: number;
    parent: string | null;
    /** Site id → the site's version when this epoch was marked: the end of the history shared with `parent`. */
    site_versions: ColumnType<Record<string, number>, string | undefined, never>;
    started_at: ColumnType<Date, string | undefined, never>;
  };
  /** Desks that called with a device id HQ does not know (a restored HQ): what `readmit` takes back. */
  device_knocks: {
    device_id: string;
    site_id: string;
    device_code: string;
    secret_hash: string;
    first_at: ColumnType<Date, string | undefined, never>;
    last_at: ColumnType<Date, string | undefined, string>;
  };
  /** The latest health each desk reported with its handshake (issue 19; migration 013). */
  device_health: {
    site_id: string;
    device_id: string;
    reported_at: ColumnType<Date, string, string>;
    health: ColumnType<unknown, string, string>;
  };
  hq_conflicts: { event_id: string; site_id: string; entity: string; entity_id: string; winner_event_id: string };
  attachments: {
    site_id: string;
    sha256: string;
    mime: string;
    size: number;
    data: Buffer;
    device_id: string;
    received_at: Generated<Date>;
  };
  /** HQ console users (issue 21; migration 014): HQ's own people, not desk staff. */
  hq_console_users: {
    id: string;
    login: string;
    name: string;
    password_hash: string;
    role: string;
    /** null: every site. */
    site_ids: string[] | null;
    totp_secret: string | null;
    must_change_password: Generated<boolean>;
    disabled_at: ColumnType<Date | null, string | null | undefined, string | null>;
    created_at: Generated<Date>;
    /** The TOTP time step (30 s) of the last code accepted: that code and older ones are refused. */
    totp_last_step: ColumnType<string | null, number | null | undefined, number | null>;
    /** A secret being enrolled: it becomes totp_secret when a first code from it is typed. */
    totp_pending: ColumnType<string | null, string | null | undefined, string | null>;
    last_sign_in_at: ColumnType<Date | null, string | null | undefined, string | null>;
  };
  /** Sign-in attempts per `login:<login>` and `address:<ip>` in the current window. */
  hq_console_sign_in_limits: {
    key: string;
    attempts: number;
    window_start: ColumnType<Date, string, string>;
  };
  hq_console_sessions: {
    token_hash: string;
    user_id: string;
    created_at: ColumnType<Date, string, never>;
    last_seen_at: ColumnType<Date, string, string>;
    expires_at: ColumnType<Date, string, string>;
  };
  hq_console_audit: {
    id: Generated<string>;
    at: ColumnType<Date, string, never>;
    user_id: string;
    action: string;
    site_id: string | null;
    detail: ColumnType<unknown, string, never>;
  };
}
