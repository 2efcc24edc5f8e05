import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, List, Row, Space, Tag } from 'antd';
import { deskTime } from '../../../../shared/domain/deskTime';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../../stores/nav';
import type { HandoverSheet } from '../../../../shared/api/shiftSchemas';
import { roleAtLeast } from '../../../../shared/domain/staff';
import { run, useDeskQuery } from '../../api/useDesk';
import { useShift } from '../../stores/shift';
import { useSession } from '../../stores/session';
import { formKeyDown } from '../../forms/keyboard';
import { tError } from '../../i18n';
import { HandoverPrintButtons, HandoverView } from './HandoverView';
import { joinNames } from '../../i18n/lists';

/**
 * 交班: the shift now (pattern, who is on it), the handover as it would be handed over now, a free
 * note and the outgoing PIN. Closing freezes the sheet; the next person reads and signs it.
 */
export function ShiftPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { state, refresh } = useShift();
  const role = useSession((s) => s.session?.staff.role ?? 'receptionist');
  const signOut = useSession((s) => s.signOut);
  const preview = useDeskQuery('shift:preview', undefined, ['log-changed', 'visits-changed']);
  const history = useDeskQuery('shift:history', undefined, ['shift-changed']);
  const [note, setNote] = useState('');
  const [pin, setPin] = useState('');
  const [pinError, setPinError] = useState<string | null>(null);
  const [shown, setShown] = useState<HandoverSheet | null>(null);
  const current = state?.current;
  if (!current) return null;

  const close = async () => {
    setPinError(null);
    const r = await run('shift:close', { note, pin });
    setPin('');
    if (!r.ok) return setPinError(tError(r.error.issues?.[0]?.message ?? r.error.message));
    // The outgoing person is done: signed out, so the next person's take-over is not offered to them.
    void signOut(t('shift.handedOver'));
  };
  const leave = async () => {
    const r = await run('shift:leave');
    if (!r.ok) message.error(tError(r.error.message));
    else void refresh();
  };
  const showOld = async (shiftId: string) => {
    const r = await run('shift:handover', { shiftId });
    if (r.ok) setShown(r.value);
  };

  return (
    <Row gutter={20}>
      <Col xs={24} xl={15}>
        <Card
          title={
            <span>
              {t('shift.closeTitle')}
              <span className="kbd">{SHORTCUTS.shift}</span>
            </span>
          }
        >
          <p>
            {t('handover.shiftLine', { pattern: current.patternCode, desk: current.deviceCode })} ·{' '}
            {t('shift.openedAt', { time: deskTime(current.openedAt).format('MM-DD HH:mm') })} ·{' '}
            {t('shift.plannedEnd', { time: deskTime(current.plannedEnd).format('HH:mm') })}
          </p>
          <p>
            {t('shift.members')}:{' '}
            {current.members
              .filter((m) => !m.leftAt)
              .map((m) => (
                <Tag key={m.staffId + m.joinedAt}>{m.name}</Tag>
              ))}
            <Button size="small" onClick={() => void leave()} data-testid="shift-leave">
              {t('shift.leave')}
            </Button>
          </p>
          {current.stale && <Alert type="warning" showIcon message={t('shift.pastEnd')} style={{ marginBottom: 12 }} />}
          <div className="handover-box">{preview.data && <HandoverView sheet={preview.data} />}</div>
          <Form
            layout="vertical"
            component="div"
            data-form
            onKeyDown={(e) => formKeyDown(e, () => void close())}
            style={{ marginTop: 16 }}
          >
            <Form.Item label={t('handover.note')}>
              <Input.TextArea
                value={note}
                onChange={(e) => setNote(e.target.value)}
                rows={3}
                maxLength={1000}
                data-testid="close-note"
              />
            </Form.Item>
            <Form.Item
              label={t('shift.pinToClose')}
              validateStatus={pinError ? 'error' : undefined}
              help={pinError && <span data-testid="close-pin-error">{pinError}</span>}
            >
              <Input.Password value={pin} onChange={(e) => setPin(e.target.value)} inputMode="numeric" data-testid="close-pin" />
            </Form.Item>
            <Button type="primary" danger onClick={() => void close()} data-testid="shift-close">
              {t('shift.close')} <span className="kbd">Ctrl+Enter</span>
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        {roleAtLeast(role, 'shift_leader') && <SiteOverview />}
        <Card title={t('shift.history')} style={{ marginTop: roleAtLeast(role, 'shift_leader') ? 16 : 0 }}>
          <List
            size="small"
            dataSource={history.data ?? []}
            locale={{ emptyText: t('handover.none') }}
            renderItem={(s) => (
              <List.Item
                actions={[
                  <Button key="show" size="small" onClick={() => void showOld(s.id)} data-testid="shift-history-show">
                    {t('shift.show')}
                  </Button>,
                ]}
              >
                {s.abandoned && <Tag color="red">{t('shift.unsigned')}</Tag>}
                {s.patternCode} · {deskTime(s.openedAt).format('MM-DD HH:mm')} – {deskTime(s.closedAt).format('HH:mm')}
              </List.Item>
            )}
          />
          {shown && (
            <div style={{ marginTop: 12 }}>
              <HandoverPrintButtons sheet={shown} />
              <HandoverView sheet={shown} />
            </div>
          )}
        </Card>
      </Col>
    </Row>
  );
}

/** The shift leader's view: every desk of the site, with shifts left open flagged. */
function SiteOverview() {
  const { t } = useTranslation();
  const { data } = useDeskQuery('shift:overview', undefined, ['shift-changed']);
  if (!data) return null;
  return (
    <Card title={t('shift.overview')} data-testid="shift-overview">
      {data.desks.map((d) => (
        <div key={d.deviceCode} style={{ marginBottom: 6 }}>
          <b>{d.deviceCode}</b>:{' '}
          {d.open ? (
            <>
              {d.open.patternCode} · {joinNames(d.open.members.filter((m) => !m.leftAt).map((m) => m.name))}
              {d.open.stale && (
                <Tag color="red" style={{ marginLeft: 6 }}>
                  {t('shift.leftOpenTag')}
                </Tag>
              )}
            </>
          ) : (
            t('shift.noShift')
          )}
        </div>
      ))}
      {data.abandoned.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          message={t('shift.abandonedList', {
            list: data.abandoned
              .map((s) => `${s.deviceCode} ${s.patternCode} ${deskTime(s.openedAt).format('MM-DD')}`)
              .join('；'),
          })}
        />
      )}
      <Space />
    </Card>
  );
}
