import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import zhHans from '../../shared/i18n/locales/zh-Hans.json';
import zhHant from '../../shared/i18n/locales/zh-Hant.json';
import en from '../../shared/i18n/locales/en.json';
import { lastErrorText } from '../../renderer/src/features/sync/lastErrorText.js';

const t = async (lng: string) => {
  const i = i18next.createInstance();
  await i.init({
    lng,
    resources: { 'zh-Hans': { translation: zhHans }, 'zh-Hant': { translation: zhHant }, en: { translation: en } },
  });
  return i.t;
};
const MISMATCH =
  "certificate_mismatch: HQ's certificate is not the one this desk was enrolled with (it presented SHA-256 0011223344556677…).";

describe("the sync page's last error", () => {
  it('says in the reader’s language that HQ’s certificate is not the enrolled one', async () => {
    expect(lastErrorText(await t('zh-Hans'), MISMATCH)).toBe(
      '总部的证书不是本前台接入时的那一张：可能不是真正的总部。请核对总部打印的指纹；未发送任何数据',
    );
    expect(lastErrorText(await t('zh-Hant'), MISMATCH)).toBe(
      '總部的憑證不是本櫃檯接入時的那一張：可能不是真正的總部。請核對總部列印的指紋；未傳送任何資料',
    );
    expect(lastErrorText(await t('en'), MISMATCH)).toBe(
      "HQ's certificate is not the one this desk was enrolled with: this may not be your HQ. Check the fingerprint HQ printed; nothing was sent",
    );
    expect(lastErrorText(await t('zh-Hans'), 'insecure_address: …')).toContain('https://');
  });
  it('says that HQ does not know this desk (HQ restored from a backup older than its enrolment)', async () => {
    const unknown = 'unknown_device: HQ has no record of device 0193…: HQ may have been restored from a backup.';
    expect(lastErrorText(await t('zh-Hans'), unknown)).toBe('总部不认识这台前台：总部可能已从备份恢复');
    expect(lastErrorText(await t('zh-Hant'), unknown)).toBe('總部不認識這台櫃檯：總部可能已從備份還原');
    expect(lastErrorText(await t('en'), unknown)).toBe('HQ does not know this desk: HQ may have been restored from a backup');
  });
  it('says that HQ is not updated for some of this desk’s records, which stay queued', async () => {
    const behind =
      'hq_behind: HQ does not know VisitorCheckedIn v2 yet (a newer desk build): update HQ; the desk keeps it queued.';
    expect(lastErrorText(await t('zh-Hans'), behind)).toBe(
      '总部尚未更新，暂不认识本前台的部分记录：这些记录在本机排队，总部更新后自动上传，不会丢失',
    );
    expect(lastErrorText(await t('zh-Hant'), behind)).toContain('總部更新後自動上傳');
    expect(lastErrorText(await t('en'), behind)).toContain('nothing is lost');
  });
  it('keeps other errors as the sync client recorded them', async () => {
    expect(lastErrorText(await t('zh-Hans'), 'network: connect ECONNREFUSED 127.0.0.1:8780')).toBe(
      'network: connect ECONNREFUSED 127.0.0.1:8780',
    );
  });
});
