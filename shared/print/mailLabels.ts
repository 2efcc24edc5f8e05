import type { PrintLocale } from './labels.js';

/** Words on the mail slips, kept beside their templates; the shared ones stay in labels.ts. */
const zhHans = {
  damageTitle: '邮件破损登记',
  damageSentence: '此邮件收到时已破损',
  pickupTitle: '取件通知',
  registerNo: '登记号',
  trackingNo: '运单号',
  carrier: '承运',
  kind: '类别',
  receivedAt: '收到时间',
  damage: '破损情况',
  receivedBy: '签收人',
  confirmedBy: '领班确认',
  recipient: '收件人',
  location: '存放',
  foot: '本标签贴于破损部位，随邮件派发',
  pickupFoot: '请持有效身份证件到前台领取并签字',
  kinds: { registered_letter: '挂号信', parcel: '包裹', money_order: '汇款单', newspaper: '报刊' },
  hows: { torn: '撕破', wet: '受潮', crushed: '压损', open: '开口' },
};
type Words = typeof zhHans;

const zhHant: Words = {
  damageTitle: '郵件破損登記',
  damageSentence: '此郵件收到時已破損',
  pickupTitle: '取件通知',
  registerNo: '登記號',
  trackingNo: '運單號',
  carrier: '承運',
  kind: '類別',
  receivedAt: '收到時間',
  damage: '破損情況',
  receivedBy: '簽收人',
  confirmedBy: '領班確認',
  recipient: '收件人',
  location: '存放',
  foot: '本標籤貼於破損部位，隨郵件派發',
  pickupFoot: '請持有效身份證件到前台領取並簽字',
  kinds: { registered_letter: '掛號信', parcel: '包裹', money_order: '匯款單', newspaper: '報刊' },
  hows: { torn: '撕破', wet: '受潮', crushed: '壓損', open: '開口' },
};

const en: Words = {
  damageTitle: 'Damaged mail record',
  damageSentence: 'This item was damaged on arrival',
  pickupTitle: 'Pickup notice',
  registerNo: 'Register no.',
  trackingNo: 'Tracking no.',
  carrier: 'Carrier',
  kind: 'Kind',
  receivedAt: 'Received',
  damage: 'Damage',
  receivedBy: 'Received by',
  confirmedBy: 'Confirmed by',
  recipient: 'Recipient',
  location: 'Kept at',
  foot: 'Stick this label over the damaged part; deliver with the item',
  pickupFoot: 'Collect at the front desk with a valid ID and sign for it',
  kinds: { registered_letter: 'Registered letter', parcel: 'Parcel', money_order: 'Money order', newspaper: 'Newspapers' },
  hows: { torn: 'torn', wet: 'wet', crushed: 'crushed', open: 'open' },
};

export const MAIL_WORDS: Record<PrintLocale, Words> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };
export type MailWordKey = Exclude<keyof Words, 'kinds' | 'hows'>;
