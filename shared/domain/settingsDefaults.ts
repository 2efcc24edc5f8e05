import type { Settings } from '../api/schemas.js';
import { DEFAULT_SHIFT_PATTERNS } from './shifts.js';
import { DEFAULT_TICKET_RULES } from './ticketDeadlines.js';
import { DEFAULT_RETURN_DAYS } from './mail.js';
import { DEFAULT_LARGE_PAYMENT_FEN } from './money.js';
import { DEFAULT_SITE_TIME_ZONE } from './deskTime.js';
import { DEFAULT_LOG_PHOTO_RETENTION_DAYS, DEFAULT_SIGNATURE_RETENTION_DAYS, DEFAULT_VISIT_RETENTION_DAYS } from './retention.js';
import { classifierFor } from './ticketClassifier.js';

/**
 * What a new desk starts with until someone changes it. Here, not in the desk's backend, because HQ
 * shows a site's rules before any manager has set them (the HQ console's site settings): one list of
 * defaults for both. The classifier is the site kind's (classifierFor), this one the mixed tree.
 */
export const DEFAULT_SETTINGS: Settings = {
  locale: 'zh-Hans',
  idleLockMinutes: 5,
  visitorPassLayout: 'roll80',
  visitorPassPrinter: '',
  autoPrintVisitorPass: true,
  releasePassLayout: 'roll80',
  receiptLayout: 'roll80',
  drawerVarianceLimitFen: 1000,
  largePaymentLimitFen: DEFAULT_LARGE_PAYMENT_FEN,
  mailReturnDays: DEFAULT_RETURN_DAYS,
  defaultVisitMinutes: 120,
  shiftPatterns: DEFAULT_SHIFT_PATTERNS,
  ticketRules: DEFAULT_TICKET_RULES,
  classifier: classifierFor('mixed'),
  siteTimeZone: DEFAULT_SITE_TIME_ZONE,
  visitRetentionDays: DEFAULT_VISIT_RETENTION_DAYS,
  signatureRetentionDays: DEFAULT_SIGNATURE_RETENTION_DAYS,
  logPhotoRetentionDays: DEFAULT_LOG_PHOTO_RETENTION_DAYS,
  keepFullIdNumbers: false,
};
