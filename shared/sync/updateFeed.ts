import { z } from 'zod';
import { parseVersion } from './version.js';

/**
 * The desk-release feed HQ serves at /updates/<channel>/ (issue 19): electron-updater's "generic"
 * provider format, so `latest.yml` (Windows), `latest-linux.yml` and `latest-mac.yml` read as an
 * electron-builder publish would write them. `sha512` is base64 of the installer's SHA-512, as
 * electron-updater checks it. HQ writes it (hq/src/store/releases.ts), the desk reads it
 * (electron/update/feed.ts); only the subset below is written or read.
 */
export const UPDATE_CHANNELS = ['stable', 'pilot'] as const;
export type UpdateChannel = (typeof UPDATE_CHANNELS)[number];

const sha512 = z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'sha512 must be base64 of 64 bytes');
/** A file name HQ serves from the channel's folder: no folders, no dot-files. */
export const releaseFileName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\\\0]+$/)
  .refine((n) => !n.startsWith('.'), 'no dot-files');

export const UpdateFeed = z.object({
  version: z.string().refine((v) => parseVersion(v) !== null, 'not a semver version'),
  files: z.array(z.object({ url: releaseFileName, sha512, size: z.number().int().positive() })).min(1),
  path: releaseFileName,
  sha512,
  releaseDate: z.string(),
});
export type UpdateFeed = z.infer<typeof UpdateFeed>;

/** The feed file for a platform (`process.platform`): electron-updater's names. */
export const feedFileFor = (platform: string) =>
  platform === 'win32' ? 'latest.yml' : platform === 'darwin' ? 'latest-mac.yml' : 'latest-linux.yml';

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The feed as YAML, in the layout electron-builder writes. */
export function feedToYaml(f: UpdateFeed): string {
  const lines = [`version: ${f.version}`, 'files:'];
  for (const file of f.files) lines.push(`  - url: ${quote(file.url)}`, `    sha512: ${file.sha512}`, `    size: ${file.size}`);
  lines.push(`path: ${quote(f.path)}`, `sha512: ${f.sha512}`, `releaseDate: ${quote(f.releaseDate)}`);
  return `${lines.join('\n')}\n`;
}

/** A `key: value` line as `re` (two groups: the key, the value) reads it; null when it does not match. */
function keyValue(re: RegExp, line: string): { key: string; value: string } | null {
  const [, key, value] = re.exec(line) ?? [];
  return key !== undefined && value !== undefined ? { key, value } : null;
}

const scalar = (raw: string): string | number => {
  const t = raw.trim();
  if (/^'.*'$/.test(t)) return t.slice(1, -1).replace(/''/g, "'");
  if (/^".*"$/.test(t)) return t.slice(1, -1);
  return /^\d+$/.test(t) ? Number(t) : t;
};

/**
 * Reads the YAML subset above (top-level `key: value`, and `files:` as a list of maps), then checks it
 * with the schema. Anything else — another layout, a missing field, a bad hash — is an error with a reason.
 */
export function parseFeedYaml(text: string): UpdateFeed {
  const out: Record<string, unknown> = {};
  const files: Record<string, unknown>[] = [];
  let inFiles = false;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const item = keyValue(/^\s+-\s+(\w+):\s*(.*)$/, line);
    const cont = keyValue(/^\s+(\w+):\s*(.*)$/, line);
    const top = keyValue(/^(\w+):\s*(.*)$/, line);
    const lastFile = files.at(-1);
    if (inFiles && item) files.push({ [item.key]: scalar(item.value) });
    else if (inFiles && cont && lastFile) lastFile[cont.key] = scalar(cont.value);
    else if (top) {
      inFiles = top.key === 'files' && top.value.trim() === '';
      if (!inFiles) out[top.key] = top.key === 'version' ? String(scalar(top.value)) : scalar(top.value);
    } else throw new Error(`update feed: cannot read line "${line.slice(0, 60)}"`);
  }
  if (files.length) out.files = files;
  const r = UpdateFeed.safeParse(out);
  if (!r.success)
    throw new Error(`update feed: ${r.error.issues.map((i) => `${i.path.join('.') || 'feed'}: ${i.message}`).join('; ')}`);
  return r.data;
}
