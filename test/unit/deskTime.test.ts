import { afterEach, describe, expect, it } from 'vitest';
import {
  deskDate,
  deskDay,
  deskDayBounds,
  deskTime,
  deskZone,
  isTimeZone,
  machineZoneDiffers,
  setDeskZone,
} from '../../shared/domain/deskTime.js';
import { plannedEnd } from '../../shared/domain/shifts.js';
import { beijingDate } from '../../shared/domain/fees.js';
import { endOfLocalDay } from '../../shared/domain/ticketDeadlines.js';

// 00:30 on 23 Nov in Shanghai is still 22 Nov in UTC and in New York.
const AFTER_MIDNIGHT_SHANGHAI = '2026-11-22T16:30:00Z';
const BEFORE_MIDNIGHT_SHANGHAI = '2026-11-22T15:59:59Z';

describe('one desk day', () => {
  afterEach(() => setDeskZone('Asia/Shanghai'));

  it('the day turns at midnight on the site clock, not the machine’s', () => {
    expect(deskDay(AFTER_MIDNIGHT_SHANGHAI)).toBe('2026-11-23');
    expect(deskDay(BEFORE_MIDNIGHT_SHANGHAI)).toBe('2026-11-22');
    expect(deskTime(AFTER_MIDNIGHT_SHANGHAI).format('YYYY-MM-DD HH:mm')).toBe('2026-11-23 00:30');
    expect(deskDay(AFTER_MIDNIGHT_SHANGHAI, 'UTC')).toBe('2026-11-22');
    expect(deskDay(AFTER_MIDNIGHT_SHANGHAI, 'America/New_York')).toBe('2026-11-22');
    expect(deskTime(AFTER_MIDNIGHT_SHANGHAI, 'America/New_York').format('HH:mm')).toBe('11:30');
  });

  it('start of the site day and a day’s search bounds are the site’s midnights', () => {
    expect(deskTime(AFTER_MIDNIGHT_SHANGHAI).startOf('day').toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(deskDate('2026-11-23').toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(deskDayBounds('2026-11-23')).toEqual({ fromIso: '2026-11-22T16:00:00.000Z', toIso: '2026-11-23T16:00:00.000Z' });
    // A DST day in New York is 23 hours long; its bounds are still its two midnights.
    expect(deskDayBounds('2026-03-08', 'America/New_York')).toEqual({
      fromIso: '2026-03-08T05:00:00.000Z',
      toIso: '2026-03-09T04:00:00.000Z',
    });
  });

  it('the site zone set for the process moves every rule built on it', () => {
    setDeskZone('UTC');
    expect(deskZone()).toBe('UTC');
    expect(beijingDate(AFTER_MIDNIGHT_SHANGHAI)).toBe('2026-11-22');
    expect(new Date(endOfLocalDay(Date.parse(AFTER_MIDNIGHT_SHANGHAI))).toISOString()).toBe('2026-11-22T23:59:59.999Z');
    setDeskZone('Asia/Shanghai');
    expect(beijingDate(AFTER_MIDNIGHT_SHANGHAI)).toBe('2026-11-23');
    expect(new Date(endOfLocalDay(Date.parse(AFTER_MIDNIGHT_SHANGHAI))).toISOString()).toBe('2026-11-23T15:59:59.999Z');
  });

  it('a shift’s planned end is read on the site clock', () => {
    const a = { code: 'A', start: '09:00', end: '17:00', onCall: false };
    // 22:30 in Shanghai (past today's 17:00: tomorrow's), 09:30 in New York (today's 17:00).
    const opened = new Date('2026-11-22T14:30:00Z');
    expect(plannedEnd(a, opened).toISOString()).toBe('2026-11-23T09:00:00.000Z');
    setDeskZone('America/New_York');
    expect(plannedEnd(a, opened).toISOString()).toBe('2026-11-22T22:00:00.000Z');
  });

  it('only IANA zone names are zones; a bad name leaves the zone as it was', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    for (const bad of ['', '+08:00', 'CST', 'PRC', 'Asia/Nowhere', 'Asia Shanghai', '../etc'])
      expect(isTimeZone(bad)).toBe(false);
    setDeskZone('Asia/Nowhere');
    expect(deskZone()).toBe('Asia/Shanghai');
  });

  it('a machine on another clock than the site is told apart from an alias on the same clock', () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const at = new Date('2026-11-22T16:30:00Z');
    expect(machineZoneDiffers(zone, at)).toBe(false);
    const other = -at.getTimezoneOffset() === 14 * 60 ? 'UTC' : 'Pacific/Kiritimati';
    expect(machineZoneDiffers(other, at)).toBe(true);
  });
});
