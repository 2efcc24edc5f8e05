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
};

export const PRINT_LABELS: Record<PrintLocale, Labels> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };

/** Primary label, with the English one beneath when the desk prints in Chinese. */
export function bilingual(locale: PrintLocale, key: keyof Labels): string {
  const primary = PRINT_LABELS[locale][key] as string;
  if (locale === 'en') return primary;
  return `${primary}<span class="en">${PRINT_LABELS.en[key] as string}</span>`;
}
