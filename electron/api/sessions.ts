/**
 * Who is signed in at which window (IPC: the webContents id; desk server: a cookie token).
 * A session idle for longer than the configured minutes is locked: the same or another person
 * must enter a PIN before anything else is done.
 */
export interface Session {
  staffId: string;
  lastActiveMs: number;
  locked: boolean;
  /** Handovers (shift ids) this window has shown to this person: only those may be acknowledged. */
  shown: Set<string>;
}

export class Sessions {
  private readonly byKey = new Map<string, Session>();

  signIn(key: string, staffId: string, nowMs: number): void {
    this.byKey.set(key, { staffId, lastActiveMs: nowMs, locked: false, shown: new Set() });
  }

  signOut(key: string): void {
    this.byKey.delete(key);
  }

  /** Moves a session to a new key (the desk server's key rotation); the old key no longer finds it. */
  rekey(oldKey: string, newKey: string): void {
    const s = this.byKey.get(oldKey);
    this.byKey.delete(oldKey);
    if (s) this.byKey.set(newKey, s);
  }

  /** Who holds the key and whether locked, without locking or touching it. */
  peek(key: string): { staffId: string; locked: boolean } | undefined {
    const s = this.byKey.get(key);
    return s && { staffId: s.staffId, locked: s.locked };
  }

  /** Ends every session of one person at once (they were disabled). */
  endFor(staffId: string): void {
    for (const [key, s] of this.byKey) if (s.staffId === staffId) this.byKey.delete(key);
  }

  lock(key: string): void {
    const s = this.byKey.get(key);
    if (s) s.locked = true;
  }

  /**
   * The desk's clock was corrected by `deltaMs` (HQ's answer showed a new offset): activity times move
   * with it, so a correction is not mistaken for idle time and locks nobody out.
   */
  clockCorrected(deltaMs: number): void {
    for (const s of this.byKey.values()) s.lastActiveMs += deltaMs;
  }

  /** The session, locking it first if it sat idle too long; touching it counts as activity. */
  current(key: string, nowMs: number, idleMinutes: number, touch: boolean): Session | undefined {
    const s = this.byKey.get(key);
    if (!s) return undefined;
    if (!s.locked && nowMs - s.lastActiveMs > idleMinutes * 60_000) s.locked = true;
    if (touch && !s.locked) s.lastActiveMs = nowMs;
    return s;
  }

  markShown(key: string, shiftId: string): void {
    this.byKey.get(key)?.shown.add(shiftId);
  }

  wasShown(key: string, shiftId: string): boolean {
    return this.byKey.get(key)?.shown.has(shiftId) ?? false;
  }

  /** Staff ids signed in and not locked: the people on duty at this desk. */
  onDuty(nowMs: number, idleMinutes: number): string[] {
    const ids = new Set<string>();
    for (const key of this.byKey.keys()) {
      const s = this.current(key, nowMs, idleMinutes, false);
      if (s && !s.locked) ids.add(s.staffId);
    }
    return [...ids];
  }
}
