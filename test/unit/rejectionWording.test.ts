import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import zhHans from '../../shared/i18n/locales/zh-Hans.json';
import zhHant from '../../shared/i18n/locales/zh-Hant.json';
import en from '../../shared/i18n/locales/en.json';
import { KNOWN_REASONS, eventTypeName, rejectionWording } from '../../renderer/src/features/conflicts/rejectionText.js';
import type { RejectionView } from '../../shared/api/conflictSchemas.js';

const t = async (lng: string) => {
  const i = i18next.createInstance();
  await i.init({
    lng,
    resources: { 'zh-Hans': { translation: zhHans }, 'zh-Hant': { translation: zhHant }, en: { translation: en } },
  });
  return i.t;
};

/** The case: a check-out HQ refused because it did not hold the check-in yet. */
const checkout: RejectionView = {
  eventId: '01936f1e-7a40-7000-8000-000000000001',
  deviceSeq: 42,
  type: 'VisitorCheckedOut',
  reason: 'unknown_visit',
  receivedAt: '2026-11-22T02:30:00.000Z',
  identity: { kind: 'visit', label: '赵六 · HY-A1-000123' },
  handled: null,
  resendable: true,
  hqNote: null,
};

describe("HQ's rejections in the desk's words", () => {
  it('a refused check-out names the visitor and pass and says why, with no id or JSON, in each language', async () => {
    expect(rejectionWording(await t('zh-Hans'), checkout)).toEqual({
      what: '访客离场',
      about: '访客 赵六 · HY-A1-000123',
      why: '总部没有对应的访客登记',
    });
    expect(rejectionWording(await t('zh-Hant'), checkout)).toEqual({
      what: '訪客離場',
      about: '訪客 赵六 · HY-A1-000123',
      why: '總部沒有對應的訪客登記',
    });
    expect(rejectionWording(await t('en'), checkout)).toEqual({
      what: 'Visitor check-out',
      about: 'Visitor 赵六 · HY-A1-000123',
      why: 'HQ holds no such visit',
    });
  });

  it('a receipt is named by its number; an event type without its own name by its family', async () => {
    const zh = await t('zh-Hans');
    const r = rejectionWording(zh, {
      ...checkout,
      type: 'DrawerCounted',
      reason: 'approver_role',
      identity: { kind: 'receipt', label: 'HY-A1-2026-000007' },
    });
    expect(r).toEqual({ what: '收费记录', about: '收据 HY-A1-2026-000007', why: '审批人权限不够' });
    expect(eventTypeName(zh, 'ShiftJoined')).toBe('交接班记录');
    expect(eventTypeName(zh, 'SomethingNewer')).toBe('记录');
  });

  it("a reason this build does not know is said as another reason, with HQ's code; a record not found is said so", async () => {
    const r = rejectionWording(await t('zh-Hans'), { ...checkout, reason: 'quota_exceeded', identity: null });
    expect(r.why).toBe('其他原因（quota_exceeded）');
    expect(r.about).toBe('（本台找不到对应记录）');
  });

  it('every reason HQ can give has words in every language (never the raw code)', async () => {
    for (const lng of ['zh-Hans', 'zh-Hant', 'en']) {
      const tl = await t(lng);
      for (const reason of KNOWN_REASONS) {
        const why = rejectionWording(tl, { ...checkout, reason }).why;
        expect(why).not.toContain(reason);
        expect(why).not.toContain('conflicts.');
      }
    }
  });
});
