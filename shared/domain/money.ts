/**
 * Money rules for receipts. Amounts are integer fen (分) everywhere; these functions are the only
 * place that turns them into words or parses what a cashier typed.
 */

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const PLACES = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

/**
 * Amount in Chinese capitals (大写金额) as written on bills and receipts, following the rules for
 * filling in bills (正确填写票据和结算凭证的基本规定):
 * - consecutive zeros inside the number are written as one 零 (1,000,100 → 壹佰万零壹佰元), also
 *   where the rules allow leaving it out (万 digit 0 before a 仟: 107,000 → 壹拾万零柒仟元);
 * - zeros with no digit after them are not written (1,100,000 → 壹佰壹拾万元);
 * - 拾 always carries its digit (10 → 壹拾元);
 * - when the 元 digit is 0 and 角 is not, one 零 stands before the 角 (107,000.53 → …柒仟元零伍角叁分; always written, though optional);
 *   when 角 is 0 and 分 is not, 零 stands before the 分 (16,409.02 → …零玖元零贰分);
 * - 整 ends an amount without 分 (伍角整, 壹拾元整); an amount with 分 takes no 整;
 * - below one yuan there is no 元 (0.05 → 伍分); nothing at all is 零元整.
 * Negative or fractional fen are refused: a receipt never carries them.
 */
export function amountInCapitals(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not a non-negative whole number of fen: ${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;
  if (fen === 0) return '零元整';
  let out = yuan > 0 ? `${integerCapitals(yuan)}元` : '';
  if (jiao === 0 && fenDigit === 0) return `${out}整`;
  if (jiao !== 0) {
    if (yuan > 0 && yuan % 10 === 0) out += '零';
    out += `${DIGITS[jiao]}角`;
    return fenDigit === 0 ? `${out}整` : `${out}${DIGITS[fenDigit]}分`;
  }
  return `${out}${yuan > 0 ? '零' : ''}${DIGITS[fenDigit]}分`;
}

function integerCapitals(n: number): string {
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  if (groups.length > GROUPS.length) throw new RangeError('amount too large');
  let out = '';
  let zero = false;
  for (const [g, value] of [...groups.entries()].reverse()) {
    if (value === 0) {
      zero = out !== '';
      continue;
    }
    // A group below 1000 after a higher group starts with zeros: one 零 for them.
    if (out !== '' && value < 1000) zero = true;
    for (const [p, place] of [...PLACES.entries()].reverse()) {
      const d = Math.floor(value / 10 ** p) % 10;
      if (d === 0) {
        if (out !== '') zero = true;
        continue;
      }
      if (zero) out += '零';
      zero = false;
      out += `${DIGITS[d]}${place}`;
    }
    out += GROUPS[g];
    // Zeros at the end of a group are not written unless a digit follows later.
  }
  return out;
}

const YUAN_PATTERN = /^\d{1,10}(\.\d{1,2})?$/;
/** ASCII and full-width commas, the ideographic comma, an apostrophe or a thin space between digits. */
const SEPARATOR = /\d[,，、'\u2009\u202f]\d/;

export type TypedYuan = { ok: true; fen: number } | { ok: false; reason: 'separator' | 'format' };

/**
 * What a cashier typed into an amount field ("1409.5", "¥1409.50"), in fen. A thousands separator
 * is refused rather than dropped: "1,000" may be a slip for "1.000" or "10.00", and money taken on a
 * guess cannot be taken back quietly (issue 12: "1,000" was read as ¥1,000 without a word).
 */
export function parseTypedYuan(raw: string): TypedYuan {
  const text = raw.trim().replace(/^[¥￥]/, '');
  if (SEPARATOR.test(text)) return { ok: false, reason: 'separator' };
  if (!YUAN_PATTERN.test(text)) return { ok: false, reason: 'format' };
  const [whole, frac = ''] = text.split('.');
  return { ok: true, fen: Number(whole) * 100 + Number(frac.padEnd(2, '0')) };
}

/**
 * An amount from a file cell ("¥1,409.50" as a spreadsheet formats it), in fen, or null when it is not
 * an amount. Files carry separators as formatting; typed amounts go through parseTypedYuan instead.
 */
export function parseYuan(raw: string): number | null {
  const r = parseTypedYuan(
    raw
      .trim()
      .replace(/^[¥￥]/, '')
      .replace(/,/g, ''),
  );
  return r.ok ? r.fen : null;
}

/**
 * Cash denominations a drawer is counted in, fen, from ¥100 down to ¥0.01: the 分 coins are still
 * legal tender and a receipt may end in 5 分, so without them a count could never balance.
 */
export const DENOMINATIONS = [10_000, 5_000, 2_000, 1_000, 500, 100, 50, 10, 5, 2, 1] as const;

/** Above this (fen) a payment asks for a second confirmation with the amount read back in capitals. */
export const DEFAULT_LARGE_PAYMENT_FEN = 5_000_000;

/** Whether a payment of this much (the larger of what the methods take and the cash handed over) needs that confirmation. */
export const needsLargeConfirmation = (amountFen: number, limitFen: number): boolean => amountFen > limitFen;
