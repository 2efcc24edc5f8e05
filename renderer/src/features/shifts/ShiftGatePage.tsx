import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Form, Input, Radio, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HandoverSheet } from '../../../../shared/api/shiftSchemas';
import { run } from '../../api/useDesk';
import { useShift } from '../../stores/shift';
import { sessionKeyAction, useNav } from '../../stores/nav';
import { useSession } from '../../stores/session';
import { tError } from '../../i18n';
import { HandoverPrintButtons, HandoverView, NoHandover } from './HandoverView';
import { ShiftGateHeader, ShiftNotices } from './ShiftGateParts';

/**
 * 接班: before taking the post the incoming person reads the last handover from top to bottom —
 * the PIN field stays disabled until the sheet has been scrolled to its end — and signs it with
 * their PIN. Then they open the shift (or join the one already open, or take over one left open).
 */
export function ShiftGatePage() {
  const { t } = useTranslation();
  const { state, set } = useShift();
  const { session, signOut } = useSession();
  const [sheet, setSheet] = useState<HandoverSheet | null>(null);
  const [readToEnd, setReadToEnd] = useState(false);
  const [pattern, setPattern] = useState(state?.suggestedPattern ?? '');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<{ field: 'pin' | 'patternCode' | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  const pinRef = useRef<InputRef>(null);
  const handoverId = state?.handoverShiftId ?? null;

  useEffect(() => {
    if (!handoverId) return;
    void run('shift:handover', { shiftId: handoverId }).then((r) => r.ok && setSheet(r.value));
  }, [handoverId]);
  // A sheet short enough to be seen whole counts as read; a long one must be scrolled to its end.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (sheet && el && el.scrollHeight <= el.clientHeight + 4) setReadToEnd(true);
  }, [sheet]);
  useEffect(() => {
    if (readToEnd || !handoverId) pinRef.current?.focus();
  }, [readToEnd, handoverId]);
  // The reading hint says ↓ / PageDown: the sheet has the keyboard from the moment it is shown.
  useEffect(() => {
    if (sheet && !readToEnd) scroller.current?.focus();
  }, [sheet, readToEnd]);
  // Signing out works here too, before anyone is on the shift.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = sessionKeyAction(e);
      if (!action) return;
      e.preventDefault();
      void (action === 'lock' ? useSession.getState().lock() : signOut());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [signOut]);

  if (!state || !session) return null;
  const joining = state.current !== null && !state.takeOver;
  const needsPin = handoverId !== null;
  const canSign = !needsPin || readToEnd;

  const onScroll = () => {
    const el = scroller.current;
    if (el && el.scrollTop + el.clientHeight >= el.scrollHeight - 4) setReadToEnd(true);
  };
  const submit = async () => {
    if (!canSign || busy) return;
    setBusy(true);
    setError(null);
    const ack = { handoverShiftId: handoverId, pin: needsPin ? pin : undefined };
    const r = joining ? await run('shift:join', ack) : await run('shift:open', { ...ack, patternCode: pattern });
    setBusy(false);
    if (r.ok) {
      // A new post starts at the visitor desk, not on whatever page the previous person left open.
      useNav.getState().go('checkIn');
      return set(r.value);
    }
    setPin('');
    const issue = r.error.issues?.[0];
    setError({ field: (issue?.path as 'pin' | 'patternCode') ?? null, message: tError(issue?.message ?? r.error.message) });
    if (r.error.message === 'err.handover.changed') void useShift.getState().refresh();
  };

  const title = state.takeOver ? t('shift.takeOverTitle') : joining ? t('shift.joinTitle') : t('shift.openTitle');
  return (
    <div className="gate">
      <Card className="shift-gate" data-testid="shift-gate">
        <ShiftGateHeader title={title} name={session.staff.name} onSignOut={() => void signOut()} />
        <ShiftNotices state={state} joining={joining} />
        {handoverId ? (
          <>
            <p className="intro">{t('shift.readIntro')}</p>
            <div className="handover-scroll" ref={scroller} onScroll={onScroll} tabIndex={0} data-testid="handover-scroll">
              {sheet && <HandoverView sheet={sheet} />}
            </div>
            <div className="read-hint" data-testid="read-hint">
              {readToEnd ? t('shift.readDone') : t('shift.readMore')}
              <HandoverPrintButtons sheet={sheet} />
            </div>
          </>
        ) : (
          <NoHandover />
        )}
        <Form layout="vertical" component="div" onKeyDown={(e) => e.key === 'Enter' && void submit()}>
          {!joining && (
            <Form.Item
              label={t('shift.pattern')}
              validateStatus={error?.field === 'patternCode' ? 'error' : undefined}
              help={error?.field === 'patternCode' ? error.message : undefined}
            >
              <Radio.Group
                value={pattern}
                buttonStyle="solid"
                onChange={(e) => setPattern(e.target.value as string)}
                data-testid="shift-pattern"
              >
                {state.patterns.map((p) => (
                  <Radio.Button key={p.code} value={p.code}>
                    {t('shift.patternLabel', { code: p.code, start: p.start, end: p.end })}
                    {p.onCall ? ` · ${t('shift.onCall')}` : ''}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
          )}
          {needsPin && (
            <Form.Item
              label={t('shift.pinToSign', { name: session.staff.name })}
              validateStatus={error?.field === 'pin' ? 'error' : undefined}
              help={error?.field === 'pin' ? <span data-testid="shift-pin-error">{error.message}</span> : undefined}
            >
              <Input.Password
                ref={pinRef}
                value={pin}
                onChange={(e) => setPin(e.target.value)}
                disabled={!readToEnd}
                inputMode="numeric"
                size="large"
                data-testid="shift-pin"
              />
            </Form.Item>
          )}
          {error && !error.field && <Alert type="error" message={error.message} style={{ marginBottom: 12 }} />}
          <Button
            type="primary"
            size="large"
            block
            disabled={!canSign}
            loading={busy}
            onClick={() => void submit()}
            data-testid="shift-open"
          >
            {needsPin ? t('shift.signAndOpen') : joining ? t('shift.join') : t('shift.open')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
