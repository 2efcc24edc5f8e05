import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Button, Form, Input, Space, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import { v4 as uuidv4 } from 'uuid';
import type { ProcOutput } from '../../../../shared/api/contract';
import type { ApiError } from '../../../../shared/api/result';
import { parseTypedYuan } from '../../../../shared/domain/money';
import { fmtYuan } from '../../../../shared/print/format';
import { run } from '../../api/useDesk';
import { tError } from '../../i18n';
import { formKeyDown } from '../../forms/keyboard';
import { ChargeLines } from './ChargeLines';
import { LargePaymentConfirm } from './LargePaymentConfirm';
import { ChangeDue, MethodRows, useAltA, type MethodRow } from './MethodRows';

type Account = ProcOutput<'fees:account'>;

const yuanText = (fen: number) => (fen / 100).toFixed(2);
/** Fen of what was typed, or 0 while it is not (yet) an amount. */
const typedFen = (text: string) => {
  const r = parseTypedYuan(text);
  return r.ok ? r.fen : 0;
};
/** A thousands separator is told at the field while typing, before "1,000" can be read as anything. */
const separatorIn = (text: string) => {
  const r = parseTypedYuan(text);
  return !r.ok && r.reason === 'separator';
};

/**
 * Choosing what is paid and how: lines by month and item (Space ticks a month; Alt+A: everything
 * due), the total, methods (split by adding a row), cash tendered with the change shown large for
 * 唱收唱付. Alt+A, or Enter in the lines, goes straight to the cash tendered (one key from the
 * account to the money). Ctrl+Enter takes the payment; above the site's limit it asks once more with
 * the amount in capitals. The receipt prints at once.
 */
export function PaymentForm(props: {
  account: Account;
  focusLinesOnMount: boolean;
  onPaid: (r: ProcOutput<'fees:pay'>) => void;
}) {
  const { t } = useTranslation();
  const due = useMemo(() => props.account.charges.filter((c) => !c.paidReceiptNo), [props.account]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [payer, setPayer] = useState(
    props.account.occupants.find((o) => o.role === 'owner')?.name ?? props.account.occupants[0]?.name ?? '',
  );
  const [rows, setMethods] = useState<MethodRow[]>([{ method: 'cash', amount: '', reference: '' }]);
  /** With one method, its amount follows the total until the cashier types one. */
  const [typed, setTyped] = useState(false);
  const [tendered, setTendered] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [requestId, setRequestId] = useState(() => uuidv4());
  const [busy, setBusy] = useState(false);
  const [large, setLarge] = useState<{ amountFen: number; limitFen: number } | null>(null);
  const tenderedRef = useRef<InputRef>(null);
  const firstAmountRef = useRef<InputRef>(null);
  /** Bumped to put the cursor in the money after the render that shows it (the tendered field shows only once cash is due). */
  const [toMoney, setToMoney] = useState(0);

  const totalFen = due.filter((c) => chosen.includes(c.chargeId)).reduce((n, c) => n + c.amountFen, 0);
  const [only] = rows;
  const methods = only && rows.length === 1 && !typed ? [{ ...only, amount: totalFen ? yuanText(totalFen) : '' }] : rows;
  const choose = (ids: string[]) => {
    setChosen(ids);
    setTyped(false);
  };
  const chooseAllDue = () => choose(due.map((c) => c.chargeId));
  const goToMoney = () => setToMoney((n) => n + 1);
  // Before the browser takes the next key: digits typed straight after Alt+A land in the tendered field.
  useLayoutEffect(() => {
    if (toMoney) (tenderedRef.current ?? firstAmountRef.current)?.focus({ cursor: 'all' });
  }, [toMoney]);
  // The account was just picked in the unit search: the cursor goes on to the lines to pay. Not after a
  // reload (a payment just taken): the cashier may already be in the search for the next customer (F10).
  useEffect(() => {
    if (props.focusLinesOnMount && document.activeElement?.closest('[data-testid="host-select"]'))
      document.querySelector<HTMLElement>('[data-testid="fee-charges"]')?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on mount only: a form is mounted per account load
  }, []);
  useAltA(() => {
    chooseAllDue();
    goToMoney();
  });

  const cashFen = methods.filter((m) => m.method === 'cash').reduce((n, m) => n + typedFen(m.amount), 0);
  const tenderedRead = parseTypedYuan(tendered);
  const changeFen = tenderedRead.ok ? tenderedRead.fen - cashFen : null;

  /** A field typed in again loses the backend's old message about it (it may no longer hold). */
  const retyped = (path: string) =>
    setErrors((all) => {
      const rest = { ...all };
      delete rest[path];
      return rest;
    });
  const setRow = (i: number, patch: Partial<MethodRow>) => {
    if (patch.amount !== undefined) {
      setTyped(true);
      retyped(`methods.${i}.amount`);
    }
    setMethods(methods.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };
  const submit = async (confirmedLarge = false) => {
    if (busy) return;
    setBusy(true);
    const input = { requestId, unitId: props.account.unitId, payer, chargeIds: chosen, methods, tendered, confirmedLarge };
    const r = await run('fees:pay', input);
    setBusy(false);
    if (!r.ok && r.error.code === 'confirmation_required') {
      const d = r.error.details as { amountFen: number; limitFen: number };
      return setLarge({ amountFen: d.amountFen, limitFen: d.limitFen });
    }
    setLarge(null);
    if (!r.ok) return setErrors(issuesOf(r.error));
    setErrors({});
    setChosen([]);
    setTendered('');
    setMethods([{ method: 'cash', amount: '', reference: '' }]);
    setTyped(false);
    setRequestId(uuidv4());
    props.onPaid(r.value);
  };
  /** The backend's message at the field, or a separator typed there just now. */
  const err = (path: string, typed?: string) => {
    const message = typed !== undefined && separatorIn(typed) ? 'err.fee.amountSeparator' : errors[path];
    return message ? { validateStatus: 'error' as const, help: <span data-testid={`err-${path}`}>{tError(message)}</span> } : {};
  };

  return (
    <Form layout="vertical" component="div" data-form onKeyDown={(e) => formKeyDown(e, () => void submit())}>
      <Form.Item label={t('fee.lines')} {...err('chargeIds')}>
        <Space style={{ marginBottom: 8 }}>
          <Button onClick={chooseAllDue} data-testid="fee-all-due">
            {t('fee.allDue')} (Alt+A)
          </Button>
          <Button onClick={() => choose([])} data-testid="fee-clear">
            {t('common.clear')}
          </Button>
        </Space>
        <ChargeLines due={due} chosen={chosen} onChange={choose} onDone={goToMoney} />
      </Form.Item>
      <div className="fee-total" data-testid="fee-total">
        {t('fee.total')} <b>{fmtYuan(totalFen)}</b>
      </div>
      <Form.Item label={t('fee.payer')} required {...err('payer')}>
        <Input value={payer} onChange={(e) => setPayer(e.target.value)} data-testid="fee-payer" />
      </Form.Item>
      <MethodRows
        methods={methods}
        setRow={setRow}
        onSplit={() => setMethods([...methods, { method: 'wechat', amount: '', reference: '' }])}
        err={err}
        bindFirstAmount={(el) => {
          firstAmountRef.current = el;
        }}
      />
      {cashFen > 0 && (
        <Space align="start" size="large">
          <Form.Item label={t('fee.tendered')} {...err('tendered', tendered)}>
            <Input
              ref={tenderedRef}
              value={tendered}
              onChange={(e) => {
                setTendered(e.target.value);
                retyped('tendered');
              }}
              style={{ width: 160 }}
              prefix="¥"
              data-testid="fee-tendered"
            />
          </Form.Item>
          <ChangeDue changeFen={changeFen} />
        </Space>
      )}
      <div>
        <Button type="primary" size="large" loading={busy} onClick={() => void submit()} data-testid="fee-pay">
          {t('fee.pay')} (Ctrl+Enter)
        </Button>
      </div>
      <LargePaymentConfirm pending={large} onConfirm={() => void submit(true)} onBack={() => setLarge(null)} />
    </Form>
  );
}

function issuesOf(error: ApiError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues ?? []) out[i.path] ??= i.message;
  if (!error.issues?.length) out.chargeIds = error.message;
  return out;
}
