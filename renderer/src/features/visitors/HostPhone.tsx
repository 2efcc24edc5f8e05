import { useEffect, useState } from 'react';
import { App, Button, Space } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { HostMatch, RevealedPhone } from '../../../../shared/api/schemas';
import { run } from '../../api/useDesk';
import { tError } from '../../i18n';
import { isRevealPhoneKey, REVEAL_PHONE_KEY } from '../../forms/keyboard';

/** The desk's clock in ms, ticking once a second while `running`; `restart` sets it to now at once. */
function useTicking(running: boolean): [number, () => number] {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [running]);
  const restart = () => {
    const t = Date.now();
    setNow(t);
    return t;
  };
  return [now, restart];
}

/**
 * The picked host's phone, masked; Alt+P (or the button) asks the backend for the full number for
 * the confirmation call — each ask is recorded there — and shows it until the backend's `hideAt`
 * (30 s). Mount it keyed by the host, so another host never shows the last one's number.
 */
export function HostPhone({ host }: { host: HostMatch }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [shown, setShown] = useState<RevealedPhone | null>(null);
  // The countdown runs on the desk's clock from the moment the answer arrived.
  const [hideAt, setHideAt] = useState<number | null>(null);
  const [now, restart] = useTicking(hideAt !== null);
  const left = hideAt === null ? 0 : Math.max(0, Math.ceil((hideAt - now) / 1000));
  const visible = shown && left > 0;

  const reveal = async () => {
    const r = await run('directory:revealPhone', { occupantId: host.occupantId });
    if (!r.ok) {
      message.error(tError(r.error.issues?.[0]?.message ?? r.error.message));
      return;
    }
    const span = Date.parse(r.value.hideAt) - Date.parse(r.value.revealedAt);
    setShown(r.value);
    setHideAt(restart() + span);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isRevealPhoneKey(e)) return;
      e.preventDefault();
      void reveal();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <Space size={8} style={{ marginTop: -12, marginBottom: 12, color: '#555' }} data-testid="host-phone-line">
      <PhoneOutlined />
      <span>{t('visit.hostPhone')}</span>
      <b className="mono" data-testid="host-phone">
        {visible ? shown.phone : host.phoneMasked}
      </b>
      {visible ? (
        <span style={{ color: '#888' }} data-testid="host-phone-countdown">
          {t('visit.phoneHidesIn', { count: left })}
        </span>
      ) : (
        host.phoneMasked && (
          <Button size="small" onClick={() => void reveal()} data-testid="host-phone-reveal" tabIndex={-1}>
            {t('visit.revealPhone')}
            <span className="kbd">{REVEAL_PHONE_KEY}</span>
          </Button>
        )
      )}
    </Space>
  );
}
