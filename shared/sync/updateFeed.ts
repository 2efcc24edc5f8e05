import yaml from 'js-yaml';
import { z } from 'zod';
import { parseVersion } from './version.js';

/**
 * The desk-release feed HQ serves at /updates/<channel>/ (issue 19): electron-updater's "generic"
 * provider format, so `latest.yml` (Windows), `latest-linux.yml` and `latest-mac.yml` read as an
 * electron-builder publish would write them. `sha512` is base64 of the installer's SHA-512, as
 * electron-updater checks it. HQ writes it (hq/src/store/releases.ts), the desk reads it
 * (electron/update/feed.ts), both with js-yaml (electron-updater's own parser).
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

/** The feed as YAML, in the layout electron-builder writes (its order of keys). */
export function feedToYaml(f: UpdateFeed): string {
  const ordered = {
    version: f.version,
    files: f.files.map((file) => ({ url: file.url, sha512: file.sha512, size: file.size })),
    path: f.path,
    sha512: f.sha512,
    releaseDate: f.releaseDate,
  };
  return yaml.dump(ordered, { lineWidth: -1 });
}

/**
 * Reads a feed (YAML as electron-builder writes it, read by the same parser electron-updater uses), then
 * checks it with the schema. Anything else — not YAML, a missing field, a bad hash — is an error with a reason.
 */
export function parseFeedYaml(text: string): UpdateFeed {
  let doc: unknown;
  try {
    // The JSON schema: plain strings, numbers and lists, no YAML types (dates, tags) beyond them.
    doc = yaml.load(text, { schema: yaml.JSON_SCHEMA });
  } catch (e) {
    throw new Error(`update feed: not YAML (${(e as Error).message.split('\n')[0]})`);
  }
  // A bare version such as 1.2 reads as a number; the schema wants the text as written.
  if (doc && typeof doc === 'object' && typeof (doc as { version?: unknown }).version === 'number')
    (doc as { version: unknown }).version = String((doc as { version: number }).version);
  const r = UpdateFeed.safeParse(doc);
  if (!r.success)
    throw new Error(`update feed: ${r.error.issues.map((i) => `${i.path.join('.') || 'feed'}: ${i.message}`).join('; ')}`);
  return r.data;
}
