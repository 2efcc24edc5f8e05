import { useEffect, type ReactNode } from 'react';
import { Button, Form, Input, Select, Space, Typography, type InputRef } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PAY_METHODS, needsReference, type PayMethod } from '../../../../shared/domain/fees';
import { fmtYuan } from '../../../../shared/print/format';

/** One way the money is paid: the method, its amount as typed, and the reference a non-cash method needs. */
export interface MethodRow {
  method: PayMethod;
  amount: string;
  reference: string;
}

/** A field's error props for antd: the message at the field, or nothing. */
type FieldErr = (path: string, typed?: string) => { validateStatus?: 'error'; help?: ReactNode };

/** The methods of payment, one row each, and 拆分 to add one (up to five). */
export function MethodRows(p: {
  methods: MethodRow[];
  setRow: (i: number, patch: Partial<MethodRow>) => void;
  onSplit: () => void;
  err: FieldErr;
  /** The first amount field, where the cursor goes when no cash is due. */
  bindFirstAmount: (el: InputRef | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {p.methods.map((m, i) => (
        <Space key={i} align="start" wrap>
          <Form.Item label={i === 0 ? t('fee.method') : ' '} {...p.err(`methods.${i}.method`)}>
            <Select
              value={m.method}
              style={{ width: 140 }}
              onChange={(v: PayMethod) => p.setRow(i, { method: v })}
              options={PAY_METHODS.map((p) => ({ value: p, label: t(`fee.methodName.${p}`) }))}
              data-testid={`fee-method-${i}`}
            />
          </Form.Item>
          <Form.Item label={i === 0 ? t('fee.amount') : ' '} {...p.err(`methods.${i}.amount`, m.amount)}>
            <Input
              ref={i === 0 ? (el) => p.bindFirstAmount(el) : undefined}
              value={m.amount}
              onChange={(e) => p.setRow(i, { amount: e.target.value })}
              style={{ width: 140 }}
              prefix="¥"
              data-testid={`fee-amount-${i}`}
            />
          </Form.Item>
          {needsReference(m.method) && (
            <Form.Item label={t('fee.reference')} required {...p.err(`methods.${i}.reference`)}>
              <Input
                value={m.reference}
                onChange={(e) => p.setRow(i, { reference: e.target.value })}
                style={{ width: 240 }}
                data-testid={`fee-reference-${i}`}
              />
            </Form.Item>
          )}
        </Space>
      ))}
      <Form.Item {...p.err('methods')}>
        <Button icon={<PlusOutlined />} size="small" disabled={p.methods.length >= 5} onClick={p.onSplit} data-testid="fee-split">
          {t('fee.split')}
        </Button>
      </Form.Item>
    </>
  );
}

/** The change to give back, large for 唱收唱付, or what is still short; a dash until the tendered amount reads. */
export function ChangeDue({ changeFen }: { changeFen: number | null }) {
  const { t } = useTranslation();
  return (
    <div className="fee-change">
      <Typography.Text type="secondary">{t('fee.change')}</Typography.Text>
      <div className={`fee-change-amount${changeFen !== null && changeFen < 0 ? ' short' : ''}`} data-testid="fee-change">
        {changeFen === null ? '—' : changeFen < 0 ? t('fee.short', { amount: fmtYuan(-changeFen) }) : fmtYuan(changeFen)}
      </div>
    </div>
  );
}

/** Alt+A anywhere on the page (every render's own handler: it sees the current account and lines). */
export function useAltA(onAltA: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && (e.code === 'KeyA' || e.key === 'a' || e.key === 'A')) {
        e.preventDefault();
        onAltA();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
}
