/**
 * Hybrid logical clock: physical milliseconds plus a counter, so events order causally even when
 * desk clocks disagree. Encoded as a fixed-width string that sorts like the clock.
 */
export interface Hlc {
  wallMs: number;
  counter: number;
  node: string;
}

export function tickHlc(last: Hlc | null, nowMs: number, node: string): Hlc {
  if (!last || nowMs > last.wallMs) return { wallMs: nowMs, counter: 0, node };
  return { wallMs: last.wallMs, counter: last.counter + 1, node };
}

/** Merge a clock seen on a remote event so later local events order after it. */
export function receiveHlc(last: Hlc | null, remote: Hlc, nowMs: number, node: string): Hlc {
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
  return { wallMs: Number(wall), counter: parseInt(counter, 36), node: node.join('-') };
}

export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
