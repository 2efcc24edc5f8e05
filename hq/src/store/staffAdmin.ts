import { sql, type Kysely } from 'kysely';
import type { HqDatabase } from '../pg/schema.js';
import { inTransaction } from '../pg/inTransaction.js';
import { appendMasterEvent, siteByCode } from './admin.js';
import { staffAtHq, type StaffAtHq } from './staffHistory.js';

type Db = Kysely<HqDatabase>;

/**
 * A leaver disabled (or a return enabled) at HQ: an HQ event every desk of the site applies at its
 * next sync, ordered after every change to the person HQ has accepted. HQ knows staff from the desks'
 * accepted events; one staff number created at two desks is two people with that number, changed together.
 */
export async function setStaffActive(db: Db, siteCode: string, staffNo: string, active: boolean): Promise<string[]> {
  const site = await siteByCode(db, siteCode);
  if (!site) throw new Error(`No site with code ${siteCode}.`);
  return inTransaction(db, async (trx) => {
    // Serialised with the site's pushes, so the last-admin count is not raced by a desk's change.
    await sql`SELECT 1 FROM sites WHERE id = ${site.id} FOR UPDATE`.execute(trx);
    const people = [...(await staffAtHq(trx, site.id)).values()];
    const matches = people.filter((p) => p.staffNo === staffNo);
    const [match] = matches;
    if (!match) throw new Error(`No staff number ${staffNo} at site ${siteCode} in the events HQ accepted.`);
    const targets = matches.filter((p) => p.active !== active);
    const word = active ? 'enabled' : 'disabled';
    if (targets.length === 0) return [`${staffNo} ${match.name} is already ${word}`];
    if (!active) assertNotLastAdmin(people, targets, siteCode);
    const lines: string[] = [];
    for (const p of targets) {
      await appendMasterEvent(trx, site.id, active ? 'StaffEnabled' : 'StaffDisabled', { staffId: p.staffId }, p.lastHlc);
      lines.push(`${word} ${staffNo} ${p.name} (${p.role}, ${p.staffId}): every desk of ${siteCode} applies it at its next sync`);
    }
    return lines;
  });
}

/** As at the desk: the site keeps one active admin, or no desk could manage staff any more. */
function assertNotLastAdmin(people: StaffAtHq[], targets: StaffAtHq[], siteCode: string) {
  const leaving = new Set(targets.map((t) => t.staffId));
  if (!targets.some((t) => t.role === 'admin')) return;
  if (people.some((p) => p.active && p.role === 'admin' && !leaving.has(p.staffId))) return;
  const t = targets.find((x) => x.role === 'admin')!;
  throw new Error(
    `${t.staffNo} ${t.name} is the last active admin of ${siteCode}: nothing changed. Make another admin active first.`,
  );
}
