/**
 * Hybrid logical clock: physical milliseconds plus a counter, so events order causally even when
 * desk clocks disagree. Encoded as a fixed-width string that sorts like the clock.
 */
export interface Hlc {
  wallMs: number;
  counter: number;
  node: string;
}

/**
 * The next local stamp. `ceilingMs` (HQ's time plus HLC_MAX_AHEAD_MS, when the desk knows HQ's time):
 * a last stamp beyond it is not carried on, so one event from the far future cannot hold the clock
 * there for good; the clock restarts from now.
 */
export function tickHlc(last: Hlc | null, nowMs: number, node: string, ceilingMs = Infinity): Hlc {
  if (last && last.wallMs > ceilingMs) last = null;
  if (!last || nowMs > last.wallMs) return { wallMs: nowMs, counter: 0, node };
  return { wallMs: last.wallMs, counter: last.counter + 1, node };
}

/**
 * Merge a clock seen on a remote event so later local events order after it. A remote or last stamp
 * beyond `ceilingMs` is not adopted (the event itself is still applied by the caller).
 */
export function receiveHlc(last: Hlc | null, remote: Hlc, nowMs: number, node: string, ceilingMs = Infinity): Hlc {
  if (last && last.wallMs > ceilingMs) last = null;
  if (remote.wallMs > ceilingMs) return tickHlc(last, nowMs, node);
  const lastWall = last?.wallMs ?? 0;
  const wallMs = Math.max(lastWall, remote.wallMs, nowMs);
  let counter = 0;
  if (wallMs === lastWall && wallMs === remote.wallMs) counter = Math.max(last!.counter, remote.counter) + 1;
  else if (wallMs === lastWall) counter = last!.counter + 1;
  else if (wallMs === remote.wallMs) counter = remote.counter + 1;
  return { wallMs, counter, node };
}

export function encodeHlc(h: Hlc): string {
  return `${h.wallMs.toString().padStart(15, '0')}-${h.counter.toString(36).padStart(5, '0')}-${h.node}`;
}

export function decodeHlc(s: string): Hlc {
  const [wall, counter, ...node] = s.split('-');
  // A string without a counter part has none: NaN, as parseInt of nothing would read it.
  return { wallMs: Number(wall), counter: counter === undefined ? NaN : parseInt(counter, 36), node: node.join('-') };
}

export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
