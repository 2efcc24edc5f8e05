import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Kysely } from 'kysely';
import { feedToYaml, releaseFileName, UPDATE_CHANNELS, type UpdateChannel } from '../../../shared/sync/updateFeed.js';
import { parseVersion } from '../../../shared/sync/version.js';
import type { HqDatabase } from '../pg/schema.js';

type Db = Kysely<HqDatabase>;

/** Which feed an installer belongs in, by its name as electron-builder makes it. */
function platformOf(file: string): 'win32' | 'linux' | 'darwin' {
  const ext = extname(file).toLowerCase();
  if (ext === '.exe') return 'win32';
  if (ext === '.appimage' || ext === '.deb') return 'linux';
  if (ext === '.dmg' || ext === '.zip') return 'darwin';
  throw new Error(`${basename(file)}: not a desk installer (.exe, .AppImage, .deb, .dmg or .zip).`);
}

const FEED_FILE = { win32: 'latest.yml', linux: 'latest-linux.yml', darwin: 'latest-mac.yml' } as const;

export const isChannel = (c: string): c is UpdateChannel => (UPDATE_CHANNELS as readonly string[]).includes(c);

/**
 * `publish-desk <installer> [--channel pilot|stable]`: copies the installer into
 * `updatesDir/<channel>/` and writes that channel's feed for its platform (the version from the file
 * name, `LobbyDesk Setup 0.2.0.exe`, or `--version`). The feed is replaced last, by a rename, so a
 * desk never reads a feed whose file is not there yet. Returns lines for the administrator.
 */
export async function publishDesk(
  updatesDir: string,
  installer: string,
  opts: { channel: UpdateChannel; version?: string; now?: Date },
): Promise<string[]> {
  if (!existsSync(installer) || !statSync(installer).isFile()) throw new Error(`No installer at ${installer}.`);
  const name = basename(installer);
  if (!releaseFileName.safeParse(name).success) throw new Error(`${name}: not a file name HQ can serve.`);
  const platform = platformOf(name);
  const version = opts.version ?? /(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+?)?)(?=\.[A-Za-z]+$|[-_ ]|$)/.exec(name)?.[1];
  if (!version || !parseVersion(version)) throw new Error(`${name}: no version in the file name; give it with --version 0.2.0.`);
  const dir = join(updatesDir, opts.channel);
  mkdirSync(dir, { recursive: true });
  const target = join(dir, name);
  copyFileSync(installer, `${target}.part`);
  renameSync(`${target}.part`, target);
  // Read once, by the admin command (an installer is tens of MB): base64, as electron-updater checks it.
  const sha512 = createHash('sha512').update(readFileSync(target)).digest('base64');
  const size = statSync(target).size;
  const feed = feedToYaml({
    version,
    files: [{ url: name, sha512, size }],
    path: name,
    sha512,
    releaseDate: (opts.now ?? new Date()).toISOString(),
  });
  const feedPath = join(dir, FEED_FILE[platform]);
  writeFileSync(`${feedPath}.part`, feed);
  renameSync(`${feedPath}.part`, feedPath);
  return [
    `published ${name} as desk ${version} on the ${opts.channel} channel (${platform}, ${size} bytes)`,
    `sha512 ${sha512}`,
    `feed ${feedPath}`,
  ];
}

/** `set-channel <pilot|stable> <siteCode,...>`: the sites' desks update from that channel from their next check. */
export async function setChannel(db: Db, channel: UpdateChannel, siteCodes: string[]): Promise<string[]> {
  const lines: string[] = [];
  for (const code of siteCodes) {
    const r = await db.updateTable('sites').set({ update_channel: channel }).where('code', '=', code).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new Error(`No site with code ${code}.`);
    lines.push(`site ${code}: desks update from the ${channel} channel`);
  }
  return lines;
}

/** The channel a device's site updates from. */
export async function channelOfSite(db: Db, siteId: string): Promise<UpdateChannel> {
  const row = await db.selectFrom('sites').select('update_channel').where('id', '=', siteId).executeTakeFirstOrThrow();
  return isChannel(row.update_channel) ? row.update_channel : 'stable';
}
