import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, type ProcName } from '../../shared/api/contract.js';
import { roleAtLeast, type Role } from '../../shared/domain/staff.js';
import { eventAuthority, mayAct } from '../../shared/events/authority.js';
import { eventCatalog, type EventType } from '../../shared/events/catalog.js';

/**
 * The authority table HQ judges pushed events by and the desk's role rules agree: read from the
 * handlers' source, each procedure's drafts are paired with the procedure they are written in.
 */
const HANDLERS = join(import.meta.dirname, '../../electron/api/handlers');

function emitted(): { proc: ProcName; type: EventType }[] {
  const pairs: { proc: ProcName; type: EventType }[] = [];
  for (const file of readdirSync(HANDLERS).filter((f) => f.endsWith('.ts'))) {
    const src = readFileSync(join(HANDLERS, file), 'utf8');
    const procs = [...src.matchAll(/async '([a-zA-Z]+:[a-zA-Z]+)'\(/g)].map((m) => ({ at: m.index, proc: m[1] as ProcName }));
    for (const m of src.matchAll(/draft\('([A-Za-z]+)'/g)) {
      const owner = procs.filter((p) => p.at < m.index).at(-1);
      if (!owner) throw new Error(`${file}: a draft of ${m[1]} outside any procedure`);
      pairs.push({ proc: owner.proc, type: m[1] as EventType });
    }
  }
  return pairs;
}

const sameRank = (a: Role, b: Role) => roleAtLeast(a, b) && roleAtLeast(b, a);

describe('event authority table', () => {
  const pairs = emitted();

  it('names every procedure and event type the handlers write', () => {
    expect(pairs.length).toBeGreaterThan(60);
    for (const { proc, type } of pairs) {
      expect(Object.hasOwn(contract, proc), proc).toBe(true);
      expect(Object.hasOwn(eventCatalog, type), type).toBe(true);
    }
  });

  it('lets everyone a procedure admits write what it emits; public procedures emit only setup events', () => {
    for (const { proc, type } of pairs) {
      const access = contract[proc].access;
      const rule = eventAuthority[type];
      if (access === 'public') expect(rule.actor === 'setup' || rule.setupAdmin === true, `${proc} → ${type}`).toBe(true);
      else expect(mayAct(access, type), `${proc} (${access}) → ${type} (${rule.actor})`).toBe(true);
    }
  });

  it('is no looser than the desk: each event type needs the least role of the procedures that write it', () => {
    const least = new Map<EventType, Role>();
    for (const { proc, type } of pairs) {
      const access = contract[proc].access;
      if (access === 'public') continue;
      const was = least.get(type);
      if (!was || roleAtLeast(was, access)) least.set(type, access);
    }
    for (const type of Object.keys(eventCatalog) as EventType[]) {
      const rule = eventAuthority[type].actor;
      if (rule === 'system' || rule === 'setup') {
        expect(least.has(type), `${type} is ${rule}, yet a signed-in procedure writes it`).toBe(false);
        continue;
      }
      expect(least.get(type), `${type}: no procedure writes it`).toBeDefined();
      expect(sameRank(least.get(type)!, rule), `${type}: desk ${least.get(type)}, table ${rule}`).toBe(true);
    }
  });

  it("only the desk's own housekeeping writes a 'system' event", () => {
    const housekeeping = ['housekeeping.ts', 'retention.ts']
      .map((f) => readFileSync(join(import.meta.dirname, '../../electron', f), 'utf8'))
      .join('\n');
    for (const type of Object.keys(eventCatalog) as EventType[]) {
      if (eventAuthority[type].actor === 'system') expect(housekeeping).toContain(`draft('${type}'`);
    }
    expect(mayAct('admin', 'VisitAutoClosed')).toBe(false);
  });
});
