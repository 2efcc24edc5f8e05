/** The post notebook (岗位记事本): categories, priorities and what an attached photo may be. */
export const LOG_CATEGORIES = ['anomaly', 'notice', 'pending', 'incident', 'instruction'] as const;
export type LogCategory = (typeof LOG_CATEGORIES)[number];

export const LOG_PRIORITIES = ['normal', 'high'] as const;

/** The default view: what the leading building products show first. */
export const LOG_RECENT_HOURS = 48;

export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/**
 * The photo's type by its first bytes, not by its name: a renamed file is what it really is.
 * Returns null for anything but JPEG, PNG or WebP.
 */
export function sniffImageType(bytes: Uint8Array): AttachmentType | null {
  const at = (i: number, ...b: number[]) => b.every((x, k) => bytes[i + k] === x);
  if (bytes.length >= 3 && at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (bytes.length >= 8 && at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  // RIFF....WEBP
  if (bytes.length >= 12 && at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  return null;
}
