import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Where a process's time went, from the V8 profiles `node --cpu-prof` wrote in `dir`: self time per
 * function (name, file and line), largest first, as a share of the busy samples (idle left out).
 */
export function summarizeCpuProfiles(dir: string, top: number): { fn: string; self_ms: number; share: number }[] {
  const self = new Map<string, number>();
  let total = 0;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.cpuprofile'))) {
    const p = JSON.parse(readFileSync(join(dir, f), 'utf8')) as CpuProfile;
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    p.samples.forEach((id, i) => {
      const cf = byId.get(id)!.callFrame;
      const where = cf.url ? `${relative(process.cwd(), cf.url.replace(/^file:\/\//, ''))}:${cf.lineNumber + 1}` : '';
      const key = `${cf.functionName || '(anonymous)'} ${where}`.trim();
      const us = p.timeDeltas[i] ?? 0;
      // Waiting (for PostgreSQL, for requests) is not where the time goes.
      if (cf.functionName === '(idle)') return;
      self.set(key, (self.get(key) ?? 0) + us);
      total += us;
    });
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, us]) => ({ fn, self_ms: Math.round(us / 1000), share: Math.round((us / Math.max(1, total)) * 1000) / 1000 }));
}
