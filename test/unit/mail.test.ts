import { describe, expect, it } from 'vitest';
import { daysWaiting, forwardingNoticeDue, normalizeTrackingNo, returnDue } from '../../shared/domain/mail.js';
import { formatMailDamageNo, formatMailRegisterNo } from '../../shared/domain/numbering.js';
import { renderMailDamageSlip, type MailDamageSlipData } from '../../shared/print/mailDamageSlip.js';

const at = (iso: string) => new Date(iso);

describe('mail rules', () => {
  it('a tracking number is what the label says, whatever spaces, dashes and case the scanner or hand adds', () => {
    expect(normalizeTrackingNo(' xa-1234 5678-cn ')).toBe('XA12345678CN');
    expect(normalizeTrackingNo(' - ')).toBe('');
  });

  it('register and damage numbers carry site, desk and date, gapless counters', () => {
    expect(formatMailRegisterNo('HY', 'A1', '20261122', 7)).toBe('HY-A1-M261122-0007');
    expect(formatMailDamageNo('HY', 'A1', 2026, 12)).toBe('HY-A1-D2026-0012');
    expect(() => formatMailRegisterNo('HY', 'A1', '20261122', 10_000)).toThrow(RangeError);
  });

  it('a return is due after whole days; a forwarding notice after a week without one', () => {
    const received = '2026-11-01T02:00:00.000Z';
    expect(daysWaiting(received, at('2026-11-15T01:59:00.000Z'))).toBe(13);
    expect(returnDue(received, at('2026-11-16T01:59:00.000Z'), 15)).toBe(false);
    expect(returnDue(received, at('2026-11-16T02:00:00.000Z'), 15)).toBe(true);
    expect(forwardingNoticeDue(null, at('2026-11-01T00:00:00.000Z'))).toBe(true);
    expect(forwardingNoticeDue('2026-11-01T00:00:00.000Z', at('2026-11-07T23:59:00.000Z'))).toBe(false);
    expect(forwardingNoticeDue('2026-11-01T00:00:00.000Z', at('2026-11-08T00:00:00.000Z'))).toBe(true);
  });
});

describe('the damage label', () => {
  const data: MailDamageSlipData = {
    siteName: '华远大厦',
    deviceCode: 'A1',
    registerNo: 'HY-A1-D2026-0001',
    itemRegisterNo: 'HY-A1-M261122-0004',
    trackingNo: 'XA100000004CN',
    carrier: '中国邮政',
    kind: 'parcel',
    receivedAt: '2026-11-22T01:30:00.000Z',
    what: '外包装<右下角>',
    how: ['torn', 'wet'],
    description: '',
    receivedBy: '小李',
    confirmedBy: '刘班长',
    confirmedAt: '2026-11-22T01:35:00.000Z',
    copyNo: 0,
  };

  it('says it was damaged on arrival in Chinese and English, whatever the desk language, with a QR and escaped text', async () => {
    for (const locale of ['zh-Hans', 'en'] as const) {
      const html = await renderMailDamageSlip(data, 'roll80', locale);
      expect(html).toContain('此邮件收到时已破损');
      expect(html).toContain('This item was damaged on arrival');
      expect(html).toContain('<svg');
      expect(html).toContain('外包装&lt;右下角&gt;');
      expect(html).not.toContain('补打');
    }
    const hant = await renderMailDamageSlip(data, 'a6', 'zh-Hant');
    expect(hant).toContain('此郵件收到時已破損');
  });

  it('a reprint says so with its count', async () => {
    expect(await renderMailDamageSlip({ ...data, copyNo: 2 }, 'a6', 'zh-Hans')).toContain('补打 · 第2次');
  });
});
