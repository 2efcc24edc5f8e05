import { z } from 'zod';
import { isoDate, requiredText } from './fields.js';
import { ATTACHMENT_TYPES, LOG_CATEGORIES, LOG_PRIORITIES } from '../domain/log.js';

/** A photo from file, as base64; its real type and size are checked by the backend. */
export const AttachmentInput = z.object({
  fileName: z.string().max(200),
  contentBase64: z.string().min(1, { message: 'err.required' }),
});

export const LogEntryInput = z.object({
  /** Client-made id of this submission: a retried submit writes one entry. */
  entryId: z.string().uuid({ message: 'err.invalid' }),
  category: z.enum(LOG_CATEGORIES, { message: 'err.log.category' }),
  priority: z.enum(LOG_PRIORITIES, { message: 'err.invalid' }).optional().default('normal'),
  /** A unit code or a company name from the directory; empty for none. */
  tag: z.string().trim().max(60, { message: 'err.tooLong' }).optional().default(''),
  text: requiredText(2000),
  attachment: AttachmentInput.optional(),
  /** This entry corrects an earlier one (entries are never edited). */
  correctsId: z.string().optional(),
});
export type LogEntryInput = z.input<typeof LogEntryInput>;

export const ResolveInput = z.object({ entryId: z.string(), resolution: requiredText(1000) });

const LogEntryBase = z.object({
  id: z.string(),
  at: z.string(),
  deviceCode: z.string(),
  shiftId: z.string().nullable(),
  authorId: z.string(),
  authorName: z.string(),
  category: z.enum(LOG_CATEGORIES),
  priority: z.enum(LOG_PRIORITIES),
  tag: z.string(),
  text: z.string(),
  correctsId: z.string().nullable(),
  attachment: z.object({ id: z.string(), mime: z.enum(ATTACHMENT_TYPES), size: z.number() }).nullable(),
  resolvedAt: z.string().nullable(),
  resolvedByName: z.string().nullable(),
  resolution: z.string().nullable(),
});
export const LogEntry = LogEntryBase.extend({ corrections: z.array(LogEntryBase) });
export type LogEntry = z.infer<typeof LogEntry>;

export const LogListInput = z.object({ allDesks: z.boolean().optional().default(false) });
export const LogList = z.object({ pending: z.array(LogEntry), recent: z.array(LogEntry) });

export const LogSearchInput = z.object({
  text: z.string().trim().max(60).optional().default(''),
  category: z.enum(LOG_CATEGORIES, { message: 'err.log.category' }).optional(),
  tag: z.string().trim().max(60).optional().default(''),
  authorId: z.string().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  allDesks: z.boolean().optional().default(false),
  limit: z.number().int().min(1).max(500).optional().default(100),
});

export const LogTag = z.object({ kind: z.enum(['unit', 'company']), value: z.string() });
