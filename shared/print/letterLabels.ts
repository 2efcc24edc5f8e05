import type { PrintLocale } from './labels.js';

/** Words of the demand letter (催缴函) and of the daily report's sign-off, beside the fee words. */
const zhHans = {
  howToPay: '缴费方式',
  payAt: (methods: string) => `请携本函到服务中心前台以${methods}缴纳；转账的，请备注房号并将凭证交前台。`,
  centre: '服务中心',
  address: '地址',
  phone: '电话',
  stamp: '（盖章）',
  drawer: '钱箱清点',
  counted: '清点',
  expected: '应有',
  variance: '差额',
  noCount: '本日未清点钱箱',
  payee: '收款人（签字）',
  reviewer: '复核（签字）',
};
type LetterWords = typeof zhHans;

const zhHant: LetterWords = {
  howToPay: '繳費方式',
  payAt: (methods) => `請攜本函到服務中心前台以${methods}繳納；轉賬的，請備註房號並將憑證交前台。`,
  centre: '服務中心',
  address: '地址',
  phone: '電話',
  stamp: '（蓋章）',
  drawer: '錢箱清點',
  counted: '清點',
  expected: '應有',
  variance: '差額',
  noCount: '本日未清點錢箱',
  payee: '收款人（簽字）',
  reviewer: '複核（簽字）',
};

const en: LetterWords = {
  howToPay: 'How to pay',
  payAt: (methods) =>
    `Bring this letter to the service centre front desk and pay by ${methods}; for a transfer, quote your unit and hand the slip to the desk.`,
  centre: 'Service centre',
  address: 'Address',
  phone: 'Tel',
  stamp: '(company seal)',
  drawer: 'Cash drawer counts',
  counted: 'Counted',
  expected: 'Expected',
  variance: 'Variance',
  noCount: 'No drawer count on this day',
  payee: 'Cashier (signature)',
  reviewer: 'Checked by (signature)',
};

export const LETTER_WORDS: Record<PrintLocale, LetterWords> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };
