import { useEffect, useState } from 'react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useDeskQuery, useNow } from '../api/useDesk';

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

/** Always visible: who is on duty, which desk, the network and HQ, and the clock. */
export function StatusBar() {
  const { t } = useTranslation();
  const now = useNow(15_000);
  const online = useOnline();
  const { data } = useDeskQuery('status:get', undefined, ['visits-changed']);
  return (
    <div className="status-bar" data-testid="status-bar">
      <span>
        {t('status.onDuty')}: <b>{data?.onDuty.join('、') || '—'}</b>
      </span>
      <span>
        {t('status.desk')}: <b>{data ? `${data.siteCode}-${data.deviceCode}` : '—'}</b>
      </span>
      <span>
        <span className={`dot ${online ? 'green' : 'red'}`} />
        {online ? t('status.online') : t('status.offline')}
      </span>
      <span>
        <span className="dot grey" />
        {data?.hqConfigured ? t('status.hq') : t('status.hqNotConfigured')}
        {data && ` · ${t('status.pending', { count: data.pendingEvents })}`}
      </span>
      <span>{t('status.onSite', { count: data?.onSiteCount ?? 0 })}</span>
      <span className="spacer" />
      <span>{dayjs(now).format('YYYY-MM-DD ddd HH:mm')}</span>
    </div>
  );
}
