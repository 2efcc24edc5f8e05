import { maskIdNumber, shownPhone } from '../../../../shared/domain/mask.js';

/**
 * A payload as the audit page shows it: ID numbers and phones masked by the desk's own rules
 * (shared/domain/mask.ts), hashes of them withheld (an ID number's hash is found again by trying every
 * ID number), file contents left out. Any depth, any event type: judged by the key's name.
 */
export function maskedPayload(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => maskedPayload(v, key));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskedPayload(v, k)]));
  if (typeof value !== 'string' || value === '') return value;
  if (/hash$/i.test(key)) return '…';
  if (/base64$/i.test(key)) return `[${value.length}]`;
  if (/idnumber/i.test(key)) return value.includes('*') ? value : maskIdNumber(value);
  if (/phone/i.test(key)) return shownPhone(value);
  return value;
}
