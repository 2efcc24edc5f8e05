import { randomBytes } from 'node:crypto';

/** Keys handed out but never used to sign in are forgotten first once this many are outstanding. */
const MAX_ISSUED = 5000;
/** Recently ended keys, remembered so a request still in flight with one does not clobber the new cookie. */
const MAX_RETIRED = 1000;

/**
 * The session keys this desk server issued. A key the client made up (or one from before a restart,
 * sign-out or lock) is not among them and is never used: the request gets a fresh key instead.
 */
export class SessionKeys {
  private readonly issued = new Set<string>();
  private readonly retired = new Set<string>();

  /** @param inUse keys that are signed in, never evicted to make room. */
  constructor(private readonly inUse: (key: string) => boolean) {}

  /** A new key: 32 random bytes. */
  issue(): string {
    const key = randomBytes(32).toString('base64url');
    this.issued.add(key);
    if (this.issued.size > MAX_ISSUED) {
      for (const old of this.issued) {
        if (this.issued.size <= MAX_ISSUED) break;
        if (!this.inUse(old)) this.issued.delete(old);
      }
    }
    return key;
  }

  has(key: string): boolean {
    return this.issued.has(key);
  }

  /** Ends a key: it will never be accepted again. */
  retire(key: string): void {
    if (!this.issued.delete(key)) return;
    this.retired.add(key);
    if (this.retired.size > MAX_RETIRED) this.retired.delete(this.retired.values().next().value!);
  }

  wasRetired(key: string): boolean {
    return this.retired.has(key);
  }
}
