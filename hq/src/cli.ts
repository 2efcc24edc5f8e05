import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { HqDatabase } from './pg/schema.js';
import {
  aliasSite,
  createSite,
  issueEnrollCode,
  issueReplacementCode,
  listDevices,
  deviceEvents,
  listRejected,
  revokeDevice,
  siteByCode,
} from './store/admin.js';
import { attachmentCount, missingAttachments } from './store/attachments.js';
import { importCharges, importDirectory, type ImportResult } from './store/masterImport.js';
import { confirmHeld, describeHeld, pendingHeld, refuseHeld } from './store/held.js';
import { setStaffActive } from './store/staffAdmin.js';
import { markRestore } from './store/history.js';
import { readmitDevice } from './store/handshake.js';
import { waitingForSite } from './store/waiting.js';
import { describeConflict, listConflicts, resolveConflict } from './store/conflicts.js';
import { isChannel, publishDesk, setChannel } from './store/releases.js';
import { describeHealth, healthOfSite, isSilent } from './store/deviceHealth.js';
import { createConsoleUser, passwordProblem, userByLogin } from './console/store/users.js';

const USAGE = [
  'npm run hq -- create-site <code> <name> [kind]      create a site (kind: residential|office|mixed)',
  'npm run hq -- enroll-code <siteCode> <deviceCode>   one-time enrollment code for a desk',
  'npm run hq -- replace-device <siteCode> <deviceCode> one-time code moving a desk to another PC (old device revoked)',
  'npm run hq -- revoke <deviceId>                     refuse a device from now on (for good)',
  "npm run hq -- alias-site <siteCode> <aliasSiteId>   accept events carrying another site id as this site's",
  'npm run hq -- fingerprint                          SHA-256 of the certificate HQ serves (desks pin it)',
  'npm run hq -- devices <siteCode>                    devices with last contact, clock drift and health (SILENT > 1 day)',
  'npm run hq -- rejected <siteCode>                   events HQ stored as rejected, with reasons',
  'npm run hq -- waiting <siteCode>                    events waiting for a record HQ does not hold yet (applied when it arrives)',
  'npm run hq -- device-events <deviceId> [sinceISO]   what one device pushed since a time (default: 24 h), every status',
  'npm run hq -- attachments <siteCode>                photos/signatures received, and those events name but HQ lacks',
  'npm run hq -- import-directory <siteCode> <file>    occupant directory (CSV UTF-8/GBK or XLSX, as at the desk)',
  'npm run hq -- import-charges <siteCode> <file>      charges 应收 (CSV/XLSX, as at the desk); flow down to every desk',
  'npm run hq -- pending <siteCode>                    privileged staff changes from desks, held for an HQ administrator',
  'npm run hq -- confirm <eventId>                     accept a held change: the other desks get it at their next sync',
  'npm run hq -- refuse <eventId> <reason>             refuse a held change: stored as rejected, undone at its desk',
  'npm run hq -- disable-staff <siteCode> <staffNo>    a leaver: sign-in refused at every desk after its next sync',
  'npm run hq -- enable-staff <siteCode> <staffNo>     sign-in allowed again at every desk after its next sync',
  'npm run hq -- restore-mark                          after restoring HQ from a backup, before starting it: desks re-pull',
  'npm run hq -- readmit <siteCode> <deviceCode> [id]  a desk enrolled after that backup: take it back with its identity',
  'npm run hq -- conflicts <siteCode> [--all]          what two desks did to one record while apart, both sides',
  'npm run hq -- resolve-conflict <siteCode> <conflictId> <by> <note>  close it with a note (clears it on every desk)',
  'npm run hq -- publish-desk <installer> [--channel pilot|stable] [--sites CODE,...] [--version X.Y.Z]  serve a desk release',
  "npm run hq -- set-channel <pilot|stable> <siteCode,...>  which release channel the sites' desks update from",
  'npm run hq -- create-admin <login> <name>           an HQ console administrator (password read from stdin)',
];

/** Every problem by line (message keys as the desk shows them translated); nothing was imported. */
function report(result: ImportResult, out: (line: string) => void): number {
  if (result.ok) {
    out(`imported: ${result.summary}`);
    return 0;
  }
  out(`nothing imported: ${result.problems.length} problem(s)`);
  for (const p of result.problems) out(`line ${p.line}\t${p.column}\t${p.message}`);
  return 1;
}

/** Admin commands; returns the exit code. */
export async function runCli(
  db: Kysely<HqDatabase>,
  args: string[],
  out: (line: string) => void,
  /** HQ_DATA_DIR/updates, where publish-desk stores releases; `readSecret`: a line of stdin, never echoed to the log. */
  opts: { updatesDir?: string; readSecret?: () => Promise<string> } = {},
): Promise<number> {
  const [cmd, ...rest] = args;
  const site = async (code: string) => {
    const s = await siteByCode(db, code);
    if (!s) throw new Error(`No site with code ${code}.`);
    return s;
  };
  try {
    switch (cmd) {
      case 'create-site': {
        const [code, name, kind = 'mixed'] = rest;
        if (!code || !name) break;
        out(`site ${code} created: ${await createSite(db, { code, name, kind })}`);
        return 0;
      }
      case 'enroll-code': {
        const [siteCode, deviceCode] = rest;
        if (!siteCode || !deviceCode) break;
        out(await issueEnrollCode(db, (await site(siteCode)).id, deviceCode));
        return 0;
      }
      case 'replace-device': {
        const [siteCode, deviceCode] = rest;
        if (!siteCode || !deviceCode) break;
        out(await issueReplacementCode(db, (await site(siteCode)).id, deviceCode));
        return 0;
      }
      case 'alias-site': {
        const [siteCode, alias] = rest;
        if (!siteCode || !alias) break;
        const r = await aliasSite(db, (await site(siteCode)).id, alias);
        out(r === 'added' ? `${alias} is now an alias of site ${siteCode}` : `${alias} was already an alias of site ${siteCode}`);
        return 0;
      }
      case 'revoke': {
        if (!rest[0]) break;
        out((await revokeDevice(db, rest[0])) ? `revoked ${rest[0]}` : `no device ${rest[0]}`);
        return 0;
      }
      case 'devices': {
        if (!rest[0]) break;
        const { id: siteId } = await site(rest[0]);
        const health = await healthOfSite(db, siteId);
        for (const d of await listDevices(db, siteId)) {
          const drift = d.drift_ms === null ? '-' : `${Math.round(d.drift_ms / 1000)} s${d.driftFlagged ? ' CLOCK DRIFT' : ''}`;
          const h = health.get(d.id);
          const silent = isSilent(d, h?.reportedAt, new Date()) ? '\tSILENT > 1 day' : '';
          out(
            `${d.code}\t${d.id}\tseq ${d.last_seq}\tlast seen ${d.last_seen_at?.toISOString() ?? '-'}\tdrift ${drift}\tapp ${d.app_version ?? '-'}` +
              `\treported ${h?.reportedAt.toISOString() ?? '-'}\t${describeHealth(h?.health)}` +
              `${d.revoked_at ? '\tREVOKED' : ''}${d.replaces ? `\treplaces ${d.replaces}` : ''}${silent}`,
          );
        }
        return 0;
      }
      case 'import-directory':
      case 'import-charges': {
        const [siteCode, file] = rest;
        if (!siteCode || !file) break;
        const { id } = await site(siteCode);
        const bytes = readFileSync(file);
        const run = cmd === 'import-directory' ? importDirectory : importCharges;
        return report(await run(db, id, basename(file), bytes), out);
      }
      case 'attachments': {
        if (!rest[0]) break;
        const { id } = await site(rest[0]);
        const missing = await missingAttachments(db, id);
        out(`received: ${await attachmentCount(db, id)}\tnot yet received: ${missing.length}`);
        for (const sha of missing) out(`missing\t${sha}`);
        return 0;
      }
      case 'pending': {
        if (!rest[0]) break;
        const held = await pendingHeld(db, rest[0]);
        out(`${held.length} change(s) wait for confirmation at ${rest[0]}`);
        held.forEach((h) => out(describeHeld(h)));
        return 0;
      }
      case 'confirm': {
        if (!rest[0]) break;
        out(await confirmHeld(db, rest[0]));
        return 0;
      }
      case 'refuse': {
        const [eventId, ...why] = rest;
        if (!eventId || why.length === 0) break;
        (await refuseHeld(db, eventId, why.join(' '))).forEach(out);
        return 0;
      }
      case 'disable-staff':
      case 'enable-staff': {
        const [siteCode, staffNo] = rest;
        if (!siteCode || !staffNo) break;
        (await setStaffActive(db, siteCode, staffNo, cmd === 'enable-staff')).forEach(out);
        return 0;
      }
      case 'restore-mark': {
        const r = await markRestore(db);
        out(`history epoch ${r.epoch} (restored from ${r.parent}); desks pull again from:`);
        for (const site of r.sites) out(`${site.code}\tversion ${site.version}`);
        return 0;
      }
      case 'readmit': {
        const [siteCode, deviceCode, deviceId] = rest;
        if (!siteCode || !deviceCode) break;
        out(await readmitDevice(db, siteCode, deviceCode, deviceId));
        return 0;
      }
      case 'device-events': {
        const [deviceId, sinceText] = rest;
        if (!deviceId) break;
        const since = sinceText ? new Date(sinceText) : new Date(Date.now() - 24 * 3600_000);
        if (Number.isNaN(since.getTime())) throw new Error(`Not a time: ${sinceText} (e.g. 2026-12-01T08:00+08:00).`);
        const rows = await deviceEvents(db, deviceId, since);
        out(`${rows.length} event(s) from ${deviceId} since ${since.toISOString()}`);
        for (const r of rows)
          out(
            `${r.received_at.toISOString()}\t#${r.device_seq}\t${r.type}\tby ${r.actor}\t${r.status}${r.reject_reason ? ` ${r.reject_reason}` : ''}`,
          );
        return 0;
      }
      case 'waiting': {
        if (!rest[0]) break;
        const lines = await waitingForSite(db, (await site(rest[0])).id);
        out(`${lines.length} event(s) wait at ${rest[0]}`);
        lines.forEach(out);
        return 0;
      }
      case 'conflicts': {
        if (!rest[0]) break;
        const list = await listConflicts(db, (await site(rest[0])).id, rest[1] === '--all');
        out(`${list.length} conflict(s)${rest[1] === '--all' ? '' : ' to resolve'} at ${rest[0]}`);
        list.flatMap(describeConflict).forEach(out);
        return 0;
      }
      case 'resolve-conflict': {
        const [siteCode, conflictId, by, ...note] = rest;
        if (!siteCode || !conflictId || !by || note.length === 0) break;
        out(await resolveConflict(db, (await site(siteCode)).id, conflictId, note.join(' '), by));
        return 0;
      }
      case 'publish-desk': {
        const [installer, ...flags] = rest;
        const flag = (name: string) => {
          const i = flags.indexOf(name);
          return i >= 0 ? flags[i + 1] : undefined;
        };
        const channel = flag('--channel') ?? 'stable';
        if (!installer || !opts.updatesDir) break;
        if (!isChannel(channel)) throw new Error(`--channel ${channel}: pilot or stable.`);
        const sites = flag('--sites')?.split(',').filter(Boolean) ?? [];
        // The sites first: a code that does not exist stops the publish before anything is stored.
        for (const code of sites) await site(code);
        (await publishDesk(opts.updatesDir, installer, { channel, version: flag('--version') })).forEach(out);
        if (sites.length) (await setChannel(db, channel, sites)).forEach(out);
        return 0;
      }
      case 'create-admin': {
        const [login, name] = rest;
        if (!login || !name || !opts.readSecret) break;
        if (await userByLogin(db, login)) throw new Error(`An HQ user ${login} exists already.`);
        const password = await opts.readSecret();
        const problem = passwordProblem(password);
        if (problem) throw new Error('Password refused: at least 10 characters, not only digits or only letters.');
        await createConsoleUser(db, { login, name, password, role: 'admin', siteIds: null });
        out(`HQ administrator ${login} created: sign in to the console at HQ's address.`);
        return 0;
      }
      case 'set-channel': {
        const [channel, codes] = rest;
        if (!channel || !codes) break;
        if (!isChannel(channel)) throw new Error(`${channel}: pilot or stable.`);
        (await setChannel(db, channel, codes.split(',').filter(Boolean))).forEach(out);
        return 0;
      }
      case 'rejected': {
        if (!rest[0]) break;
        for (const r of await listRejected(db, (await site(rest[0])).id)) {
          out(
            `${r.received_at.toISOString()}\t${r.device_id}#${r.device_seq}\t${r.type}\t${r.reject_reason}\t${r.reject_detail ?? ''}`,
          );
        }
        return 0;
      }
    }
  } catch (e) {
    out((e as Error).message);
    return 1;
  }
  USAGE.forEach(out);
  return 2;
}
