import { z } from 'zod';
import { FEE_ITEM_CODES, PAY_METHODS, PERIOD, REMINDER_CHANNELS, needsReference } from '../domain/fees.js';
import { DENOMINATIONS, parseTypedYuan } from '../domain/money.js';
import { isoDate, optionalText, printable, requiredText, supervisorApproval, uuid } from './fields.js';

/**
 * Fees (收费). Amounts arrive as the text a cashier typed ("1409.5"), are checked here and become
 * integer fen; a non-numeric amount is a message at its field, never a NaN in the account.
 */
/** A typed amount in fen, or the reason it is refused at its field (a thousands separator has its own message). */
const typedFen = (v: string, ctx: z.RefinementCtx): number => {
  const r = parseTypedYuan(v);
  if (r.ok) return r.fen;
  ctx.addIssue({ code: 'custom', message: r.reason === 'separator' ? 'err.fee.amountSeparator' : 'err.fee.amount' });
  return z.NEVER;
};
export const yuan = z.string({ message: 'err.required' }).trim().min(1, { message: 'err.required' }).transform(typedFen);
const optionalYuan = z
  .string()
  .optional()
  .default('')
  .transform((v, ctx) => (v.trim() === '' ? 0 : typedFen(v, ctx)));
const positiveYuan = yuan.refine((n) => n > 0, { message: 'err.fee.amountZero' });

export const period = z.string({ message: 'err.required' }).regex(PERIOD, { message: 'err.fee.period' });
export const feeItem = z.enum(FEE_ITEM_CODES, { message: 'err.fee.item' });
export const payMethod = z.enum(PAY_METHODS, { message: 'err.fee.method' });

export const AccountInput = z.object({ unitId: z.string().min(1, { message: 'err.required' }) });

export const Charge = z.object({
  chargeId: z.string(),
  item: feeItem,
  period: z.string(),
  amountFen: z.number(),
  vacant: z.boolean(),
  note: z.string(),
  paidReceiptNo: z.string().nullable(),
  /** Paid by more than one receipt (two desks offline): the extra is a credit, refundable. */
  paidTwice: z.boolean(),
  /** Months before the current one left unpaid are arrears; this month's is due. */
  overdue: z.boolean(),
});

export const ReceiptSummary = z.object({
  id: z.string(),
  receiptNo: z.string(),
  issuedAt: z.string(),
  totalFen: z.number(),
  payer: z.string(),
  voided: z.boolean(),
});

export const Account = z.object({
  unitId: z.string(),
  unitCode: z.string(),
  areaM2: z.number().nullable(),
  occupants: z.array(z.object({ name: z.string(), role: z.string(), company: z.string(), phoneMasked: z.string() })),
  charges: z.array(Charge),
  balanceFen: z.number(),
  arrearsFen: z.number(),
  dueFen: z.number(),
  oldestUnpaid: z.string().nullable(),
  monthsPaid: z.array(z.string()),
  monthsDue: z.array(z.object({ period: z.string(), amountFen: z.number() })),
  reminders: z.array(z.object({ channel: z.enum(REMINDER_CHANNELS), at: z.string(), outcome: z.string(), by: z.string() })),
  /** Beijing date (YYYY-MM-DD) the demand letter falls due; null without a phone reminder or arrears. */
  demandLetterDue: z.string().nullable(),
  /** That day has come: the desk should send the letter. */
  letterDueNow: z.boolean(),
  receipts: z.array(ReceiptSummary),
});

export const PaymentMethodInput = z.object({
  method: payMethod,
  amount: positiveYuan,
  reference: optionalText(60),
});

export const PayInput = z
  .object({
    requestId: uuid,
    unitId: z.string().min(1, { message: 'err.required' }),
    payer: printable(requiredText(40)),
    chargeIds: z.array(z.string()).max(600),
    /** Paid ahead beyond the chosen lines (预交). */
    advance: optionalYuan,
    methods: z.array(PaymentMethodInput).min(1, { message: 'err.fee.noMethod' }).max(5),
    /** Cash handed over (唱收); the change is given back (唱付). Empty: exactly the cash amount. */
    tendered: optionalYuan,
    /** The cashier saw the amount read back in capitals and confirmed it (needed above the site's limit). */
    confirmedLarge: z.boolean().optional().default(false),
  })
  .superRefine((v, ctx) => {
    v.methods.forEach((m, i) => {
      if (needsReference(m.method) && !m.reference)
        ctx.addIssue({ code: 'custom', path: ['methods', i, 'reference'], message: 'err.fee.referenceRequired' });
    });
    if (!v.chargeIds.length && v.advance === 0)
      ctx.addIssue({ code: 'custom', path: ['chargeIds'], message: 'err.fee.nothingChosen' });
    if (new Set(v.chargeIds).size !== v.chargeIds.length)
      ctx.addIssue({ code: 'custom', path: ['chargeIds'], message: 'err.fee.paidTwice' });
    const cash = v.methods.filter((m) => m.method === 'cash').reduce((n, m) => n + m.amount, 0);
    if (v.tendered > 0 && v.tendered < cash)
      ctx.addIssue({ code: 'custom', path: ['tendered'], message: 'err.fee.tenderedShort' });
    if (v.tendered > 0 && cash === 0) ctx.addIssue({ code: 'custom', path: ['tendered'], message: 'err.fee.tenderedNoCash' });
  });

export const ReceiptDetail = z.object({
  id: z.string(),
  receiptNo: z.string(),
  unitId: z.string(),
  unitCode: z.string(),
  payer: z.string(),
  issuedAt: z.string(),
  cashier: z.string(),
  lines: z.array(z.object({ chargeId: z.string(), item: feeItem, period: z.string(), amountFen: z.number() })),
  advanceFen: z.number(),
  totalFen: z.number(),
  methods: z.array(z.object({ method: payMethod, amountFen: z.number(), reference: z.string() })),
  tenderedFen: z.number(),
  changeFen: z.number(),
  voided: z.object({ at: z.string(), by: z.string(), approver: z.string(), reason: z.string() }).nullable(),
});

export const PayResult = z.object({ receipt: ReceiptDetail, printJobId: z.string() });

export const VoidInput = z.object({ receiptId: z.string().min(1), approval: supervisorApproval });

/** What the cashier types for a refund (the form checks it before asking for the leader's PIN). */
const refundShape = {
  unitId: z.string().min(1),
  amount: positiveYuan,
  method: payMethod,
  reference: optionalText(60),
};
/** Money paid back other than in cash leaves a trace: the transfer or terminal reference. */
const refundReference = (v: { method: string; reference: string }, ctx: z.RefinementCtx) => {
  if (v.method !== 'cash' && !v.reference)
    ctx.addIssue({ code: 'custom', path: ['reference'], message: 'err.fee.refundReference' });
};
export const RefundFields = z.object(refundShape).superRefine(refundReference);
export const RefundInput = z.object({ ...refundShape, approval: supervisorApproval }).superRefine(refundReference);

export const RaiseChargeInput = z.object({
  /** Client-made id of this submission: a retried or doubled submit raises the charge once. */
  requestId: uuid.optional(),
  unitId: z.string().min(1, { message: 'err.required' }),
  item: feeItem,
  period,
  /** Empty for an item charged by area: the unit's area × the item's rate. */
  amount: optionalYuan,
  vacant: z.boolean().optional().default(false),
  note: optionalText(100),
});

export const TicketChargeInput = z.object({
  ticketId: z.string({ message: 'err.required' }).min(1, { message: 'err.required' }),
});
/** A paid repair's agreed charge as a fee line of its unit: made once, from the ticket drawer. */
export const TicketCharge = z.object({
  /** The fee line made from the ticket, once made (with what paid it). */
  charge: Charge.extend({ unitId: z.string(), unitCode: z.string() }).nullable(),
  /** Why it cannot be made now (an i18n key); null when it can. */
  blocked: z.string().nullable(),
});

export const ChargeImportInput = z.object({
  fileName: requiredText(200),
  contentBase64: z.string().min(1, { message: 'err.required' }),
});
export const ChargeImportResult = z.object({ charges: z.number(), units: z.number(), totalFen: z.number() });

const denomKeys = DENOMINATIONS.map(String) as [string, ...string[]];
export const DrawerCountInput = z.object({
  /** Count of notes/coins per denomination in fen ("10000" = ¥100 … "10" = ¥0.1). */
  denominations: z.partialRecord(
    z.enum(denomKeys),
    z
      .number({ message: 'err.fee.count' })
      .int({ message: 'err.fee.count' })
      .min(0, { message: 'err.fee.count' })
      .max(100_000, { message: 'err.fee.count' }),
  ),
  approval: supervisorApproval.optional(),
});

export const DrawerEntry = z.object({
  id: z.string(),
  kind: z.enum(['float', 'in', 'out']),
  amountFen: z.number(),
  reason: z.string(),
  at: z.string(),
  by: z.string(),
  /** This entry reverses that move (冲正); a reversal is never reversed itself. */
  reversesId: z.string().nullable(),
  /** The entry that reversed this move, once it has been. */
  reversedById: z.string().nullable(),
});

export const DrawerState = z.object({
  shiftId: z.string(),
  floatFen: z.number().nullable(),
  entries: z.array(DrawerEntry),
  expected: z.record(payMethod, z.number()),
  receipts: z.number(),
  voided: z.number(),
  varianceLimitFen: z.number(),
  lastCount: z
    .object({
      at: z.string(),
      countedFen: z.number(),
      varianceFen: z.number(),
      approver: z.string().nullable(),
      reason: z.string(),
    })
    .nullable(),
});

export const DailyInput = z.object({ date: isoDate });
export const DailyReport = z.object({
  date: z.string(),
  deskCode: z.string(),
  issued: z.number(),
  voided: z.number(),
  totalFen: z.number(),
  methods: z.record(payMethod, z.number()),
  items: z.array(z.object({ item: feeItem, amountFen: z.number() })),
  cashiers: z.array(
    z.object({
      name: z.string(),
      receipts: z.number(),
      voided: z.number(),
      methods: z.record(payMethod, z.number()),
      totalFen: z.number(),
    }),
  ),
  receipts: z.array(ReceiptSummary.extend({ cashier: z.string(), unitCode: z.string() })),
});

const CollectionRate = z.object({ paid: z.number(), due: z.number(), permille: z.number().nullable() });
export const ArrearsList = z.object({
  period: z.string(),
  rows: z.array(
    z.object({
      unitId: z.string(),
      unitCode: z.string(),
      amountFen: z.number(),
      oldest: z.string(),
      months: z.number(),
      age: z.number(),
      reminders: z.number(),
      demandLetterDue: z.string().nullable(),
      letterDueNow: z.boolean(),
    }),
  ),
  buckets: z.object({ one: z.number(), two: z.number(), threePlus: z.number() }),
  /** Units whose demand letter is due today or earlier. */
  lettersDue: z.number(),
  /** This month's rates (shared/domain/collection.ts): the property fee by units and by amount, all items beside. */
  collection: z.object({ propertyUnits: CollectionRate, propertyAmount: CollectionRate, allItems: CollectionRate }),
});

export const ReminderInput = z.object({
  unitId: z.string().min(1, { message: 'err.required' }),
  channel: z.enum(REMINDER_CHANNELS, { message: 'err.fee.channel' }),
  outcome: requiredText(200),
});

export const ExcelFile = z.object({ fileName: z.string(), base64: z.string() });
