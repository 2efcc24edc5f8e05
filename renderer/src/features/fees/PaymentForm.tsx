import { useEffect, useMemo, useState } from 'react';
import { Button, Form, Input, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { v4 as uuidv4 } from 'uuid';
import type { ProcOutput } from '../../../../shared/api/contract';
import type { ApiError } from '../../../../shared/api/result';
import { PAY_METHODS, needsReference, type PayMethod } from '../../../../shared/domain/fees';
import { parseYuan } from '../../../../shared/domain/money';
import { fmtYuan } from '../../../../shared/print/format';
import { run } from '../../api/useDesk';
import { tError } from '../../i18n';
import { formKeyDown } from '../../forms/keyboard';

type Account = ProcOutput<'fees:account'>;
type Charge = Account['charges'][number];
interface MethodRow {
  method: PayMethod;
  amount: string;
  reference: string;
}

const yuanText = (fen: number) => (fen / 100).toFixed(2);

/**
 * Choosing what is paid and how: lines by item and month (Alt+A: everything due), the total,
 * methods (split by adding a row), cash tendered with the change shown large for 唱收唱付.
 * Ctrl+Enter takes the payment; the receipt prints at once.
 */
export function PaymentForm(props: { account: Account; onPaid: (r: ProcOutput<'fees:pay'>) => void }) {
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

  const totalFen = due.filter((c) => chosen.includes(c.chargeId)).reduce((n, c) => n + c.amountFen, 0);
  const methods = rows.length === 1 && !typed ? [{ ...rows[0], amount: totalFen ? yuanText(totalFen) : '' }] : rows;
  const choose = (ids: string[]) => {
    setChosen(ids);
    setTyped(false);
  };
  const chooseAllDue = () => choose(due.map((c) => c.chargeId));
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && (e.key === 'a' || e.key === 'A')) {
        e.preventDefault();
        chooseAllDue();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const cashFen = methods.filter((m) => m.method === 'cash').reduce((n, m) => n + (parseYuan(m.amount) ?? 0), 0);
  const tenderedFen = parseYuan(tendered);
  const changeFen = tenderedFen !== null && tendered.trim() !== '' ? tenderedFen - cashFen : null;

  const setRow = (i: number, patch: Partial<MethodRow>) => {
    if (patch.amount !== undefined) setTyped(true);
    setMethods(methods.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };
  const submit = async () => {
    if (busy) return;
    setBusy(true);
    const r = await run('fees:pay', { requestId, unitId: props.account.unitId, payer, chargeIds: chosen, methods, tendered });
    setBusy(false);
    if (!r.ok) return setErrors(issuesOf(r.error));
    setErrors({});
    setChosen([]);
    setTendered('');
    setMethods([{ method: 'cash', amount: '', reference: '' }]);
    setTyped(false);
    setRequestId(uuidv4());
    props.onPaid(r.value);
  };
  const err = (path: string) =>
    errors[path]
      ? { validateStatus: 'error' as const, help: <span data-testid={`err-${path}`}>{tError(errors[path])}</span> }
      : {};

  return (
    <Form layout="vertical" component="div" data-form onKeyDown={(e) => formKeyDown(e, () => void submit())}>
      <Form.Item label={t('fee.lines')} {...err('chargeIds')}>
        <Space style={{ marginBottom: 8 }}>
          <Button onClick={chooseAllDue} data-testid="fee-all-due">
            {t('fee.allDue')} (Alt+A)
          </Button>
          <Button onClick={() => choose([])}>{t('common.clear')}</Button>
        </Space>
        <Table<Charge>
          size="small"
          rowKey="chargeId"
          pagination={false}
          data-testid="fee-charges"
          dataSource={due}
          scroll={{ y: 240 }}
          rowSelection={{ selectedRowKeys: chosen, onChange: (keys) => choose(keys as string[]) }}
          columns={[
            { title: t('fee.period'), dataIndex: 'period', width: 100 },
            {
              title: t('fee.item'),
              dataIndex: 'item',
              render: (v: string, c) =>
                `${t(`feeItem.${v}`)}${c.vacant ? ` · ${t('fee.vacant')}` : ''}${c.note ? ` · ${c.note}` : ''}`,
            },
            {
              title: t('fee.amount'),
              dataIndex: 'amountFen',
              align: 'right',
              width: 120,
              render: (v: number, c) => <span style={{ color: c.overdue ? '#c0392b' : undefined }}>{fmtYuan(v)}</span>,
            },
          ]}
        />
      </Form.Item>
      <div className="fee-total" data-testid="fee-total">
        {t('fee.total')} <b>{fmtYuan(totalFen)}</b>
      </div>
      <Form.Item label={t('fee.payer')} required {...err('payer')}>
        <Input value={payer} onChange={(e) => setPayer(e.target.value)} data-testid="fee-payer" />
      </Form.Item>
      {methods.map((m, i) => (
        <Space key={i} align="start" wrap>
          <Form.Item label={i === 0 ? t('fee.method') : ' '} {...err(`methods.${i}.method`)}>
            <Select
              value={m.method}
              style={{ width: 140 }}
              onChange={(v: PayMethod) => setRow(i, { method: v })}
              options={PAY_METHODS.map((p) => ({ value: p, label: t(`fee.methodName.${p}`) }))}
              data-testid={`fee-method-${i}`}
            />
          </Form.Item>
          <Form.Item label={i === 0 ? t('fee.amount') : ' '} {...err(`methods.${i}.amount`)}>
            <Input
              value={m.amount}
              onChange={(e) => setRow(i, { amount: e.target.value })}
              style={{ width: 140 }}
              prefix="¥"
              data-testid={`fee-amount-${i}`}
            />
          </Form.Item>
          {needsReference(m.method) && (
            <Form.Item label={t('fee.reference')} required {...err(`methods.${i}.reference`)}>
              <Input
                value={m.reference}
                onChange={(e) => setRow(i, { reference: e.target.value })}
                style={{ width: 240 }}
                data-testid={`fee-reference-${i}`}
              />
            </Form.Item>
          )}
        </Space>
      ))}
      <Form.Item {...err('methods')}>
        <Button
          icon={<PlusOutlined />}
          size="small"
          disabled={methods.length >= 5}
          onClick={() => setMethods([...methods, { method: 'wechat', amount: '', reference: '' }])}
        >
          {t('fee.split')}
        </Button>
      </Form.Item>
      {cashFen > 0 && (
        <Space align="start" size="large">
          <Form.Item label={t('fee.tendered')} {...err('tendered')}>
            <Input
              value={tendered}
              onChange={(e) => setTendered(e.target.value)}
              style={{ width: 160 }}
              prefix="¥"
              data-testid="fee-tendered"
            />
          </Form.Item>
          <div className="fee-change">
            <Typography.Text type="secondary">{t('fee.change')}</Typography.Text>
            <div className={`fee-change-amount${changeFen !== null && changeFen < 0 ? ' short' : ''}`} data-testid="fee-change">
              {changeFen === null ? '—' : changeFen < 0 ? t('fee.short', { amount: fmtYuan(-changeFen) }) : fmtYuan(changeFen)}
            </div>
          </div>
        </Space>
      )}
      <Button type="primary" size="large" loading={busy} onClick={() => void submit()} data-testid="fee-pay">
        {t('fee.pay')} (Ctrl+Enter)
      </Button>
    </Form>
  );
}

function issuesOf(error: ApiError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues ?? []) out[i.path] ??= i.message;
  if (!error.issues?.length) out.chargeIds = error.message;
  return out;
}
