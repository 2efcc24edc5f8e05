import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { run, useDeskQuery, useNow } from '../api/useDesk';
import { deskTime, machineZone, machineZoneDiffers, setDeskZone } from '../../../shared/domain/deskTime';
import { joinNames } from '../i18n/lists';
import { roleAtLeast } from '../../../shared/domain/staff';
import { useSession } from '../stores/session';
import { LockoutNotice } from './LockoutNotice';
import { adoptDeskClock, clockWarning } from '../features/sync/clockText';

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/** How long the oldest unsynced record has waited, in the largest whole unit. */
function age(t: TFunction, ms: number): string {
  const min = Math.max(0, Math.floor(ms / 60_000));
  if (min < 60) return t('status.ageMinutes', { count: min });
  if (min < 48 * 60) return t('status.ageHours', { count: Math.floor(min / 60) });
  return t('status.ageDays', { count: Math.floor(min / 1440) });
}

/** Always visible: who is on duty, which desk, the network and HQ, and the clock. */
export function StatusBar() {
  const { t } = useTranslation();
  const now = useNow(15_000);
  const online = useOnline();
  // Lockouts are a shift leader's to watch: the list is asked for only at that role (the backend refuses it below).
  const leader = useSession((s) => (s.session ? roleAtLeast(s.session.staff.role, 'shift_leader') : false));
  const { data } = useDeskQuery('status:get', undefined, ['visits-changed', 'shift-changed']);
  const { data: sync, reload } = useDeskQuery('sync:status', undefined, [
    'sync-changed',
    'visits-changed',
    'passes-changed',
    'log-changed',
    'fees-changed',
    'tickets-changed',
    'mail-changed',
  ]);
  // The browser saw the network come back: sync now rather than after the backoff (the desk app's main
  // process watches the network too; in desk-server mode this is the only signal).
  useEffect(() => {
    const back = () => void run('sync:now').then(reload);
    window.addEventListener('online', back);
    return () => window.removeEventListener('online', back);
  }, [reload]);
  // A site rule changed at another desk reaches this screen with the status it polls.
  useEffect(() => setDeskZone(data?.siteTimeZone), [data?.siteTimeZone]);
  useEffect(() => adoptDeskClock(sync), [sync]);
  const clockText = clockWarning(t, sync?.clock.offsetMs ?? null, true);
  const hqDot = !sync?.enrolled ? 'grey' : sync.online ? 'green' : 'red';
  return (
    <div className="status-bar" data-testid="status-bar">
      <span>
        {t('status.onDuty')}: <b>{joinNames(data?.onDuty ?? []) || '—'}</b>
      </span>
      <span>
        {t('status.desk')}: <b>{data ? `${data.siteCode}-${data.deviceCode}` : '—'}</b>
      </span>
      <span>
        <span className={`dot ${online ? 'green' : 'red'}`} />
        {online ? t('status.online') : t('status.offline')}
      </span>
      <span data-testid="sync-status">
        <span className={`dot ${hqDot}`} />
        {!sync?.enrolled ? t('status.hqNotConfigured') : sync.online ? t('status.hq') : t('status.hqOffline')}
        {sync && (
          <>
            {' · '}
            <span data-testid="sync-waiting">{t('status.pending', { count: sync.waiting })}</span>
            {sync.oldestWaitingAt &&
              ` · ${t('status.oldest', { age: age(t, now.getTime() - Date.parse(sync.oldestWaitingAt)) })}`}
            {sync.attachmentsWaiting > 0 && (
              <span data-testid="sync-pictures">{` · ${t('status.pictures', { count: sync.attachmentsWaiting })}`}</span>
            )}
            {/* Pulled records this build cannot apply yet: someone must update the desk (the sync page says which). */}
            {sync.parked.length > 0 && (
              <span data-testid="sync-parked-count" className="parked-count">
                {` · ${t('status.parked', { count: sync.parked.reduce((n, p) => n + p.count, 0) })}`}
              </span>
            )}
            {sync.lastSuccessAt && ` · ${t('status.lastSync', { time: deskTime(sync.lastSuccessAt).format('HH:mm') })}`}
            {/* Issue 19: outside HQ's window (it keeps queueing), or a release downloaded that waits for the handover. */}
            {sync.lastError?.startsWith('upgrade_required:') && (
              <span data-testid="sync-needs-update" className="parked-count" title={t('sync.needsUpdate')}>
                {` · ${t('status.needsUpdate')}`}
              </span>
            )}
            {sync.update?.state === 'ready' && <span data-testid="sync-update-ready">{` · ${t('status.updateReady')}`}</span>}
          </>
        )}
        {sync?.enrolled && (
          <button type="button" className="link-button" data-testid="sync-now" onClick={() => void run('sync:now').then(reload)}>
            {t('status.syncNow')}
          </button>
        )}
      </span>
      <span>{t('status.onSite', { count: data?.onSiteCount ?? 0 })}</span>
      {leader && <LockoutNotice />}
      <span className="spacer" />
      {/* The desk's PC (its backend) or this screen's on another clock than the site's: times shown are the site's. */}
      {data && (data.machineZoneDiffers || machineZoneDiffers(data.siteTimeZone, now)) && (
        <span className="zone-warning" data-testid="zone-warning">
          {t('status.zoneDiffers', {
            machine: data.machineZoneDiffers ? data.machineTimeZone : machineZone(),
            site: data.siteTimeZone,
          })}
        </span>
      )}
      {clockText && (
        <span className="clock-warning" data-testid="clock-warning" title={clockWarning(t, sync!.clock.offsetMs) ?? ''}>
          {clockText}
        </span>
      )}
      <span>{deskTime(now).format('YYYY-MM-DD ddd HH:mm')}</span>
    </div>
  );
}
