import { z } from 'zod';
import { read } from './define.js';

export const VerifyReceiptInput = z.strictObject({
  ref: z.string().trim().min(1, 'console.err.required').max(300, 'verify.err.tooLong'),
});

const Issued = {
  receiptNo: z.string(),
  amountFen: z.number(),
  siteCode: z.string(),
  siteName: z.string(),
  /** The desk that issued it, by the code HQ enrolled it with. */
  deskCode: z.string().nullable(),
  issuedAt: z.string(),
};

export const VerifyReceiptOutput = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('genuine'), ...Issued }),
  z.strictObject({
    status: z.literal('voided'),
    ...Issued,
    /** null: the reference itself says void (printed after the void) but the desk's void has not reached HQ yet. */
    voidedAt: z.string().nullable(),
    reason: z.string().nullable(),
    voidedBy: z.string().nullable(),
    approvedBy: z.string().nullable(),
  }),
  /** Not a receipt HQ holds: a typo, a forgery, a receipt not yet synced, or one outside the caller's sites. */
  z.strictObject({ status: z.literal('unknown') }),
]);

/** Receipt verification (issue 21 item 5): the QR reference a receipt carries (`LDR1/…`), judged by HQ. */
export const verifyProcs = {
  'verify.receipt': read(VerifyReceiptInput, VerifyReceiptOutput),
};
