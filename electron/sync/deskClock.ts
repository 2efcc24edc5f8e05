import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { getMeta, setMeta } from '../../db/meta.js';
import { HLC_MAX_AHEAD_MS, correctedMs, measureOffset } from '../../shared/domain/clock.js';

const META_KEY = 'hq_clock_offset';
/** A new measurement within this of the stored one is not written again (every answer measures). */
const STORE_STEP_MS = 1000;

export interface ClockReading {
  /** HQ's clock minus this desk's; null until the desk has had an answer from HQ. */
  offsetMs: number | null;
  /** When (on the corrected clock) the offset was last measured. */
  measuredAt: string | null;
}

/**
 * The desk's clock as the backend uses it: the PC's clock corrected by the offset HQ's last answer
 * showed. Never synced: the PC's clock as is (there is nothing better to go by), no warning, and no
 * HLC ceiling. The offset is kept in `meta`, so a restarted desk offline still stamps corrected times.
 */
export class DeskClock {
  private offset: number | null = null;
  private measuredAt: string | null = null;
  private stored: number | null = null;

  /** Called with the change when a new measurement moves the corrected clock. */
  onCorrected: (deltaMs: number) => void = () => {};

  constructor(readonly raw: () => Date = () => new Date()) {}

  now = (): Date => new Date(correctedMs(this.raw().getTime(), this.offset));

  /** HQ's time plus the HLC allowance, when known: no stamp beyond it is carried on by this desk. */
  hlcCeilingMs = (): number | undefined => (this.offset === null ? undefined : this.now().getTime() + HLC_MAX_AHEAD_MS);

  reading(): ClockReading {
    return { offsetMs: this.offset, measuredAt: this.measuredAt };
  }

  async load(db: Kysely<Database>): Promise<void> {
    const v = await getMeta(db, META_KEY);
    if (!v) return;
    const r = JSON.parse(v) as ClockReading;
    this.offset = this.stored = r.offsetMs;
    this.measuredAt = r.measuredAt;
  }

  /** One answer from HQ stamped `hqTime`, for a request sent at `sentMs` and answered at `answeredMs` (raw clock). */
  observe(sentMs: number, answeredMs: number, hqTime: string | undefined): void {
    const hqMs = hqTime === undefined ? NaN : Date.parse(hqTime);
    if (!Number.isFinite(hqMs)) return; // an HQ from before clock answers: nothing learned
    const offset = measureOffset(sentMs, answeredMs, hqMs);
    const delta = offset - (this.offset ?? 0);
    this.offset = offset;
    if (delta !== 0) this.onCorrected(delta);
    this.measuredAt = this.now().toISOString();
  }

  /** Keeps the offset for a restart, when it moved. */
  async save(db: Kysely<Database>): Promise<void> {
    if (this.offset === null || (this.stored !== null && Math.abs(this.offset - this.stored) < STORE_STEP_MS)) return;
    await setMeta(db, META_KEY, JSON.stringify(this.reading()));
    this.stored = this.offset;
  }
}
