/**
 * Words printed on paper. Documents print in the desk's language with English beneath Chinese, as
 * bilingual lobbies expect. Kept here (not in the renderer's i18n) because the main process prints.
 */
export type PrintLocale = 'zh-Hans' | 'zh-Hant' | 'en';

const zhHans = {
  visitorPass: '访客单',
  passNo: '单号',
  visitor: '访客',
  idDocument: '证件',
  party: '人数',
  host: '被访',
  purpose: '事由',
  plate: '车牌',
  timeIn: '进入时间',
  validUntil: '有效至',
  issuedBy: '登记人',
  desk: '前台',
  reprint: (n: number) => `补打 · 第${n}次`,
  returnSlip: '离开时请将此单交回前台',
  hostConfirmed: '已与被访人确认',
  onsiteRoll: '在场访客名单（疏散点名）',
  printedAt: '打印时间',
  totalPersons: '在场总人数',
  overstay: '超时',
  present: '到',
  none: '目前没有在场访客',
  persons: '人',
  handoverSheet: '交接班记录',
  shift: '班次',
  opened: '接班时间',
  closed: '交班时间',
  outgoing: '交班人',
  incoming: '接班确认',
  signedWithPin: 'PIN 签名',
  handoverNote: '交班备注',
  nothing: '无',
  leftOpen: '本班未交班即离岗，由下一班接管（无交班签名）',
  notSigned: '未签字',
  notYetAcknowledged: '尚未有人接班确认',
  high: '重要',
} as const;

type Labels = { [K in keyof typeof zhHans]: (typeof zhHans)[K] extends (n: number) => string ? (n: number) => string : string };

const zhHant: Labels = {
  visitorPass: '訪客單',
  passNo: '單號',
  visitor: '訪客',
  idDocument: '證件',
  party: '人數',
  host: '被訪',
  purpose: '事由',
  plate: '車牌',
  timeIn: '進入時間',
  validUntil: '有效至',
  issuedBy: '登記人',
  desk: '前台',
  reprint: (n) => `補打 · 第${n}次`,
  returnSlip: '離開時請將此單交回前台',
  hostConfirmed: '已與被訪人確認',
  onsiteRoll: '在場訪客名單（疏散點名）',
  printedAt: '列印時間',
  totalPersons: '在場總人數',
  overstay: '超時',
  present: '到',
  none: '目前沒有在場訪客',
  persons: '人',
  handoverSheet: '交接班記錄',
  shift: '班次',
  opened: '接班時間',
  closed: '交班時間',
  outgoing: '交班人',
  incoming: '接班確認',
  signedWithPin: 'PIN 簽名',
  handoverNote: '交班備註',
  nothing: '無',
  leftOpen: '本班未交班即離崗，由下一班接管（無交班簽名）',
  notSigned: '未簽字',
  notYetAcknowledged: '尚未有人接班確認',
  high: '重要',
};

const en: Labels = {
  visitorPass: 'Visitor pass',
  passNo: 'Pass no.',
  visitor: 'Visitor',
  idDocument: 'ID',
  party: 'Party',
  host: 'Visiting',
  purpose: 'Purpose',
  plate: 'Vehicle',
  timeIn: 'Time in',
  validUntil: 'Valid until',
  issuedBy: 'Registered by',
  desk: 'Desk',
  reprint: (n) => `REPRINT · copy ${n}`,
  returnSlip: 'Please return this slip to the desk when leaving',
  hostConfirmed: 'Confirmed with host',
  onsiteRoll: 'Visitors on site (evacuation roll call)',
  printedAt: 'Printed',
  totalPersons: 'Persons on site',
  overstay: 'Overstay',
  present: '✓',
  none: 'No visitors on site',
  persons: '',
  handoverSheet: 'Shift handover',
  shift: 'Shift',
  opened: 'Opened',
  closed: 'Closed',
  outgoing: 'Handed over by',
  incoming: 'Acknowledged by',
  signedWithPin: 'signed with PIN',
  handoverNote: 'Note',
  nothing: 'None',
  leftOpen: 'Left open: taken over by the next shift without a handover signature',
  notSigned: 'Not signed',
  notYetAcknowledged: 'Not yet acknowledged',
  high: 'HIGH',
};

export const PRINT_LABELS: Record<PrintLocale, Labels> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };

/** Primary label, with the English one beneath when the desk prints in Chinese. */
export function bilingual(locale: PrintLocale, key: keyof Labels): string {
  const primary = PRINT_LABELS[locale][key] as string;
  if (locale === 'en') return primary;
  return `${primary}<span class="en">${PRINT_LABELS.en[key] as string}</span>`;
}

/** Titles of the handover sheet's sections, by the key each feature contributes its section under. */
const SECTION_TITLES: Record<PrintLocale, Record<string, string>> = {
  'zh-Hans': {
    shiftMembers: '本班人员',
    denyOverrides: '拒访名单放行（领班批准）',
    pending: '未结待办事项',
    highPriority: '本班重要记事',
    visitorsOnSite: '仍在场访客',
    visitsNotReturned: '未交回访客单（自动关闭）',
    drawer: '收银与钱箱对账',
    ticketsDue: '超时及今日到期工单',
    mailAwaitingPickup: '待领邮件（含转投专柜）',
    mailDamageUnconfirmed: '破损邮件待领班确认',
    newspaperShortfalls: '报刊缺份或迟到（报领班）',
    conflictsOpen: '未处理的冲突（见冲突待办）',
  },
  'zh-Hant': {
    shiftMembers: '本班人員',
    denyOverrides: '拒訪名單放行（領班批准）',
    pending: '未結待辦事項',
    highPriority: '本班重要記事',
    visitorsOnSite: '仍在場訪客',
    visitsNotReturned: '未交回訪客單（自動關閉）',
    drawer: '收銀與錢箱對賬',
    ticketsDue: '超時及今日到期工單',
    mailAwaitingPickup: '待領郵件（含轉投專櫃）',
    mailDamageUnconfirmed: '破損郵件待領班確認',
    newspaperShortfalls: '報刊缺份或遲到（報領班）',
    conflictsOpen: '未處理的衝突（見衝突待辦）',
  },
  en: {
    shiftMembers: 'On this shift',
    denyOverrides: "Let in over the deny list (leader's approval)",
    pending: 'Open pending items',
    highPriority: 'High-priority entries of the shift',
    visitorsOnSite: 'Visitors still on site',
    visitsNotReturned: 'Passes never returned (closed automatically)',
    drawer: 'Takings and the cash drawer',
    ticketsDue: 'Tickets overdue or due today',
    mailAwaitingPickup: 'Mail awaiting pickup (incl. forwarding cabinet)',
    mailDamageUnconfirmed: 'Damaged mail awaiting the shift leader',
    newspaperShortfalls: 'Newspapers short or late (to the shift leader)',
    conflictsOpen: 'Unresolved conflicts (see the conflict inbox)',
  },
};

export function sectionTitle(locale: PrintLocale, key: string): string {
  return SECTION_TITLES[locale][key] ?? key;
}
