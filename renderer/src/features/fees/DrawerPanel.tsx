import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, InputNumber, Row, Select, Space, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { PAY_METHODS } from '../../../../shared/domain/fees';
import { DENOMINATIONS } from '../../../../shared/domain/money';
import { fmtYuan } from '../../../../shared/print/format';
import { run, useDeskQuery } from '../../api/useDesk';
import { tError } from '../../i18n';
import { SupervisorApprovalModal, type Approval } from '../../forms/SupervisorApprovalModal';

/** The cash drawer of this shift: float, cash in/out with a reason, and the shift-end count by denomination. */
export function DrawerPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const state = useDeskQuery('drawer:state', {}, ['fees-changed']);
  const [float, setFloat] = useState('');
  const [move, setMove] = useState<{ direction: 'in' | 'out'; amount: string; reason: string }>({
    direction: 'out',
    amount: '',
    reason: '',
  });
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [error, setError] = useState<string | null>(null);
  const [variance, setVariance] = useState<number | null>(null);
  const s = state.data;
  const countedFen = DENOMINATIONS.reduce((n, d) => n + d * (counts[String(d)] ?? 0), 0);

  const act = async (work: () => Promise<{ ok: boolean; error?: { message: string } }>, done: string) => {
    const r = await work();
    if (!r.ok) return setError(r.error!.message);
    setError(null);
    message.success(t(done));
    state.reload();
  };
  const count = async (approval?: Approval) => {
    const r = await run('drawer:count', { denominations: counts, approval });
    if (!r.ok && r.error.code === 'approval_required') {
      setVariance(Number(r.error.details?.varianceFen ?? 0));
      return approval ? r.error : null;
    }
    if (!r.ok) return approval ? r.error : (setError(r.error.message), null);
    setVariance(null);
    setError(null);
    message.success(t('drawer.countDone'));
    state.reload();
    return null;
  };

  if (!s) return null;
  return (
    <Row gutter={16}>
      <Col xs={24} xl={12}>
        <Card title={t('drawer.title')} size="small">
          {error && <Alert type="error" message={tError(error)} style={{ marginBottom: 8 }} data-testid="drawer-error" />}
          <Descriptions size="small" column={1} bordered data-testid="drawer-expected">
            <Descriptions.Item label={t('drawer.float')}>
              {s.floatFen === null ? t('drawer.noFloat') : fmtYuan(s.floatFen)}
            </Descriptions.Item>
            {PAY_METHODS.map((m) => (
              <Descriptions.Item key={m} label={t(`fee.methodName.${m}`)}>
                <span data-testid={`drawer-expected-${m}`}>{fmtYuan(s.expected[m] ?? 0)}</span>
              </Descriptions.Item>
            ))}
            <Descriptions.Item label={t('drawer.receipts')}>
              {t('drawer.receiptCount', { n: s.receipts, voided: s.voided })}
            </Descriptions.Item>
          </Descriptions>
          {s.floatFen === null && (
            <Space style={{ marginTop: 12 }}>
              <Input
                prefix="¥"
                value={float}
                onChange={(e) => setFloat(e.target.value)}
                placeholder={t('drawer.float')}
                data-testid="drawer-float"
              />
              <Button
                onClick={() => void act(() => run('drawer:float', { amount: float }), 'drawer.floatSet')}
                data-testid="drawer-float-set"
              >
                {t('drawer.setFloat')}
              </Button>
            </Space>
          )}
          <Space style={{ marginTop: 12 }} wrap>
            <Select
              value={move.direction}
              onChange={(v) => setMove({ ...move, direction: v })}
              options={[
                { value: 'in', label: t('drawer.in') },
                { value: 'out', label: t('drawer.out') },
              ]}
            />
            <Input
              prefix="¥"
              style={{ width: 120 }}
              value={move.amount}
              onChange={(e) => setMove({ ...move, amount: e.target.value })}
            />
            <Input
              style={{ width: 200 }}
              placeholder={t('drawer.reason')}
              value={move.reason}
              onChange={(e) => setMove({ ...move, reason: e.target.value })}
            />
            <Button onClick={() => void act(() => run('drawer:move', move), 'drawer.moved')}>{t('drawer.record')}</Button>
          </Space>
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('drawer.count')} size="small">
          <Form layout="horizontal" component="div" labelCol={{ span: 6 }}>
            {DENOMINATIONS.map((d) => (
              <Form.Item key={d} label={fmtYuan(d)} style={{ marginBottom: 4 }}>
                <InputNumber
                  min={0}
                  precision={0}
                  value={counts[String(d)] ?? null}
                  onChange={(v) => setCounts({ ...counts, [String(d)]: Number(v ?? 0) })}
                  data-testid={`count-${d}`}
                />
              </Form.Item>
            ))}
          </Form>
          <Space size="large" style={{ marginTop: 8 }}>
            <Statistic title={t('drawer.counted')} value={fmtYuan(countedFen)} />
            <Statistic title={t('drawer.expectedCash')} value={fmtYuan(s.expected.cash ?? 0)} />
            <Statistic
              title={t('drawer.variance')}
              value={fmtYuan(countedFen - (s.expected.cash ?? 0))}
              valueStyle={{ color: countedFen === s.expected.cash ? undefined : '#c0392b' }}
            />
          </Space>
          <div style={{ marginTop: 12 }}>
            <Button type="primary" onClick={() => void count()} data-testid="drawer-count-submit">
              {t('drawer.submitCount')}
            </Button>
          </div>
          {s.lastCount && (
            <Alert
              style={{ marginTop: 12 }}
              type={s.lastCount.varianceFen === 0 ? 'success' : 'warning'}
              data-testid="drawer-last-count"
              message={t('drawer.lastCount', {
                counted: fmtYuan(s.lastCount.countedFen),
                variance: fmtYuan(s.lastCount.varianceFen),
                approver: s.lastCount.approver ?? '—',
              })}
            />
          )}
        </Card>
      </Col>
      <SupervisorApprovalModal
        open={variance !== null}
        title={t('drawer.varianceTitle')}
        okText={t('drawer.approve')}
        reasonLabel={t('drawer.varianceReason')}
        fieldPrefix="approval"
        testId="variance"
        submitTestId="variance-approve"
        onCancel={() => setVariance(null)}
        onApprove={(approval) => count(approval)}
      >
        <Alert
          type="warning"
          style={{ marginBottom: 12 }}
          message={t('drawer.varianceIntro', { variance: fmtYuan(variance ?? 0), limit: fmtYuan(s.varianceLimitFen) })}
        />
      </SupervisorApprovalModal>
    </Row>
  );
}
