import type { CallbackClass } from './ticketDeadlines.js';

/**
 * The classifier tree place → category → problem (domain §3), as data: defaults for residential
 * and office buildings, a mixed site gets both. Each category names its callback class and carries
 * the one-time notification (一次性告知, seed 001): documents, steps, time limit and contact.
 */
export interface Label {
  zh: string;
  en: string;
}
export interface Notice {
  documents: string;
  steps: string;
  timeLimit: string;
  contact: string;
}
/**
 * A problem names its own callback class; `notice` optionally points at another category (by code)
 * whose one-time notification is read out instead of its own category's.
 */
export interface Problem extends Label {
  code: string;
  callback: CallbackClass;
  notice?: string;
}
export interface Category extends Label {
  code: string;
  problems: Problem[];
  notice: Notice;
}
/** How the defaults are written: a category's problems share its callback class. */
interface CategoryDef extends Label {
  code: string;
  callback: CallbackClass;
  problems: (Label & { code: string })[];
  notice: Notice;
}
export interface Place extends Label {
  code: string;
  categories: Category[];
}

const p = (code: string, zh: string, en: string) => ({ code, zh, en });
const DESK = '前台 / Front desk 021-5555 0000';

const plumbing: CategoryDef = {
  code: 'plumbing',
  zh: '给排水',
  en: 'Plumbing',
  callback: 'other',
  problems: [
    p('blocked_drain', '下水堵塞', 'Blocked drain'),
    p('tap', '龙头/阀门损坏', 'Tap or valve broken'),
    p('no_water', '停水', 'No water'),
  ],
  notice: {
    documents: '无需证件；有偿维修需业主/住户签字确认报价',
    steps: '登记 → 派工 → 维修人员上门 → 住户签字 → 回访',
    timeLimit: '一般报修当日安排；急修10分钟内到场',
    contact: DESK,
  },
};
const leak: CategoryDef = {
  code: 'leak',
  zh: '渗漏水',
  en: 'Water leak',
  callback: 'leak',
  problems: [
    p('ceiling', '天花渗水', 'Ceiling leak'),
    p('wall', '墙面渗水', 'Wall leak'),
    p('pipe_burst', '水管爆裂', 'Burst pipe'),
  ],
  notice: {
    documents: '渗漏位置照片（如有）；需进入楼上单元时请配合联系',
    steps: '止水止损 → 查找漏点 → 维修 → 闭水试验 → 试验后3天内回访',
    timeLimit: '先止损后处理；闭水试验后3天内回访',
    contact: DESK,
  },
};
const electric: CategoryDef = {
  code: 'electric',
  zh: '电气照明',
  en: 'Electrical',
  callback: 'other',
  problems: [
    p('no_power', '停电/跳闸', 'No power / tripped'),
    p('light', '灯具损坏', 'Light broken'),
    p('socket', '插座损坏', 'Socket broken'),
  ],
  notice: { documents: '无', steps: '登记 → 派工 → 维修 → 签字 → 回访', timeLimit: '急修10分钟内到场', contact: DESK },
};
const fire: CategoryDef = {
  code: 'fire_safety',
  zh: '消防安全设施',
  en: 'Fire & safety',
  callback: 'safety',
  problems: [
    p('alarm', '烟感/报警误报', 'Alarm fault'),
    p('extinguisher', '灭火器缺失', 'Extinguisher missing'),
    p('exit', '安全出口/应急灯', 'Exit or emergency light'),
  ],
  notice: { documents: '无', steps: '登记 → 立即派工 → 处理 → 2天内回访', timeLimit: '安全设施2天内回访', contact: DESK },
};
const elevator: CategoryDef = {
  code: 'elevator',
  zh: '电梯',
  en: 'Lift',
  callback: 'safety',
  problems: [p('stuck', '困人', 'Person trapped'), p('noise', '异响', 'Noise'), p('out_of_service', '停运', 'Out of service')],
  notice: { documents: '无', steps: '困人立即报特急 → 维保单位到场 → 2天内回访', timeLimit: '困人5分钟内到场', contact: DESK },
};
const door: CategoryDef = {
  code: 'door_access',
  zh: '门禁门锁',
  en: 'Doors & access',
  callback: 'other',
  problems: [
    p('lock', '门锁故障', 'Lock fault'),
    p('card', '门禁卡失效', 'Access card fails'),
    p('closer', '闭门器损坏', 'Door closer broken'),
  ],
  notice: {
    documents: '补办门禁卡需身份证及房产证明/租赁合同',
    steps: '登记 → 核验身份 → 处理',
    timeLimit: '当日处理',
    contact: DESK,
  },
};
const cleaning: CategoryDef = {
  code: 'cleaning',
  zh: '保洁卫生',
  en: 'Cleaning',
  callback: 'other',
  problems: [
    p('rubbish', '垃圾未清运', 'Rubbish not collected'),
    p('dirty', '公共区域不洁', 'Public area dirty'),
    p('pests', '虫害', 'Pests'),
  ],
  notice: { documents: '无', steps: '登记 → 通知保洁主管 → 处理 → 回复', timeLimit: '2天内处理', contact: DESK },
};
const noise: CategoryDef = {
  code: 'noise',
  zh: '噪音扰民',
  en: 'Noise',
  callback: 'other',
  problems: [
    p('renovation', '装修噪音', 'Renovation noise'),
    p('neighbour', '邻里噪音', 'Neighbour noise'),
    p('equipment', '设备噪音', 'Equipment noise'),
  ],
  notice: { documents: '无', steps: '登记 → 秩序维护员到场劝导 → 回复', timeLimit: '当日处理', contact: DESK },
};
const parking: CategoryDef = {
  code: 'parking',
  zh: '停车交通',
  en: 'Parking',
  callback: 'other',
  problems: [
    p('occupied', '车位被占', 'Space occupied'),
    p('gate', '道闸故障', 'Barrier fault'),
    p('permit', '月卡办理', 'Monthly permit'),
  ],
  notice: { documents: '行驶证、身份证、车位产权或租赁证明', steps: '登记 → 核验 → 办理', timeLimit: '3个工作日', contact: DESK },
};
const service: CategoryDef = {
  code: 'service',
  zh: '服务质量',
  en: 'Service quality',
  callback: 'other',
  problems: [
    p('attitude', '服务态度', 'Staff attitude'),
    p('delay', '处理不及时', 'Slow handling'),
    p('error', '管理失误', 'Management error'),
  ],
  notice: { documents: '无', steps: '登记 → 报部门负责人 → 调查 → 答复', timeLimit: '24小时内回应', contact: DESK },
};
const fees: CategoryDef = {
  code: 'fees',
  zh: '收费',
  en: 'Fees',
  callback: 'other',
  problems: [p('bill', '账单疑问', 'Bill question'), p('receipt', '票据补开', 'Receipt reissue')],
  notice: { documents: '缴费凭证、身份证', steps: '登记 → 财务核对 → 答复', timeLimit: '3个工作日', contact: DESK },
};
const aircon: CategoryDef = {
  code: 'hvac',
  zh: '空调通风',
  en: 'Air conditioning',
  callback: 'other',
  problems: [p('too_hot', '过热', 'Too hot'), p('too_cold', '过冷', 'Too cold'), p('noise', '异响', 'Noise')],
  notice: {
    documents: '加时空调需提前申请（书面）',
    steps: '登记 → 工程部调整 → 回访',
    timeLimit: '急修10分钟内到场',
    contact: DESK,
  },
};
const other: CategoryDef = {
  code: 'other',
  zh: '其他',
  en: 'Other',
  callback: 'other',
  problems: [p('other', '其他', 'Other')],
  notice: { documents: '视具体事项告知', steps: '登记 → 转相关部门 → 答复', timeLimit: '按承诺时间答复', contact: DESK },
};

/** The notification a category added in settings starts with. */
export const GENERIC_NOTICE: Notice = other.notice;

const c = ({ callback, problems, ...rest }: CategoryDef): Category => ({
  ...rest,
  problems: problems.map((pr) => ({ ...pr, callback })),
});

export const RESIDENTIAL_CLASSIFIER: Place[] = [
  { ...p('in_unit', '户内', 'In the unit'), categories: [plumbing, leak, electric, door, other].map(c) },
  { ...p('common', '公共区域', 'Common areas'), categories: [elevator, fire, cleaning, noise, electric, leak, other].map(c) },
  { ...p('outdoor', '室外/车场', 'Outdoor & parking'), categories: [parking, cleaning, other].map(c) },
  { ...p('service', '服务与收费', 'Service & fees'), categories: [service, fees, other].map(c) },
];

export const OFFICE_CLASSIFIER: Place[] = [
  { ...p('office', '办公室内', 'In the office'), categories: [aircon, electric, plumbing, leak, door, other].map(c) },
  { ...p('common', '公共区域', 'Common areas'), categories: [elevator, fire, cleaning, aircon, other].map(c) },
  { ...p('basement', '地库', 'Basement'), categories: [parking, leak, other].map(c) },
  { ...p('service', '服务与收费', 'Service & fees'), categories: [service, fees, other].map(c) },
];

export type SiteKind = 'residential' | 'office' | 'mixed';

export function classifierFor(siteKind: SiteKind): Place[] {
  if (siteKind === 'residential') return RESIDENTIAL_CLASSIFIER;
  if (siteKind === 'office') return OFFICE_CLASSIFIER;
  // Mixed: residential places, then the office ones under their own codes.
  return [...RESIDENTIAL_CLASSIFIER, ...OFFICE_CLASSIFIER.filter((o) => !RESIDENTIAL_CLASSIFIER.some((r) => r.code === o.code))];
}

/** The category and problem a ticket names, checked against the tree (null when not in it). */
export function classify(tree: readonly Place[], place: string, category: string, problem: string) {
  const pl = tree.find((x) => x.code === place);
  const cat = pl?.categories.find((c) => c.code === category);
  const pr = cat?.problems.find((x) => x.code === problem);
  return pl && cat && pr ? { place: pl, category: cat, problem: pr } : null;
}

/**
 * What a TicketOpened carries of its classification: the codes, the Chinese names as its label (they travel
 * with the ticket, whatever the tree says later) and the problem's callback class. Desk and HQ alike.
 */
export function classificationOf(c: NonNullable<ReturnType<typeof classify>>) {
  return {
    place: c.place.code,
    category: c.category.code,
    problem: c.problem.code,
    label: `${c.place.zh} / ${c.category.zh} / ${c.problem.zh}`,
    callbackClass: c.problem.callback,
  };
}

/** The one-time notification read out for a problem: the template it names, else its category's. */
export function noticeFor(tree: readonly Place[], category: string, problem: string): Notice | null {
  for (const pl of tree)
    for (const cat of pl.categories)
      if (cat.code === category) {
        const pr = cat.problems.find((x) => x.code === problem);
        return (pr?.notice ? categoryByCode(tree, pr.notice)?.notice : undefined) ?? cat.notice;
      }
  return null;
}

export function categoryByCode(tree: readonly Place[], code: string): Category | null {
  for (const pl of tree) for (const c of pl.categories) if (c.code === code) return c;
  return null;
}

/**
 * New nodes of an edited classifier (the desk's and the HQ console's editors) get a code nobody types:
 * renaming later never changes it, so the statistics of tickets taken under it keep grouping.
 */
let serial = 0;
const newNodeCode = () => `n${Date.now().toString(36)}_${(serial++).toString(36)}`;
export const newProblemNode = () => ({ code: newNodeCode(), zh: '', en: '', callback: 'other' as const });
export const newCategoryNode = () => ({
  code: newNodeCode(),
  zh: '',
  en: '',
  notice: GENERIC_NOTICE,
  problems: [newProblemNode()],
});
export const newPlaceNode = () => ({ code: newNodeCode(), zh: '', en: '', categories: [newCategoryNode()] });
