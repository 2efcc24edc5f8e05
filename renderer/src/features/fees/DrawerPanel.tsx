import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, InputNumber, Row, Space, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { PAY_METHODS } from '../../../../shared/domain/fees';
import { DENOMINATIONS } from '../../../../shared/domain/money';
import { fmtSignedYuan, fmtYuan } from '../../../../shared/print/format';
import { run, useDeskQuery } from '../../api/useDesk';
import { tError } from '../../i18n';
import { SupervisorApprovalModal, type Approval } from '../../forms/SupervisorApprovalModal';
import { DrawerMoveForm } from './DrawerMoveForm';
import { DrawerMovesList } from './DrawerMovesList';

/**
 * The cash drawer of this shift: float, cash in/out with a reason (listed, reversible once), and the
 * shift-end count by denomination down to ¥0.01. Every variance is shown signed the one way (−¥5.06).
 */
export function DrawerPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const state = useDeskQuery('drawer:state', {}, ['fees-changed']);
  const [float, setFloat] = useState('');
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
          <DrawerMoveForm onMoved={state.reload} />
          <DrawerMovesList entries={s.entries} onChanged={state.reload} />
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
              value={fmtSignedYuan(countedFen - (s.expected.cash ?? 0))}
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
                variance: fmtSignedYuan(s.lastCount.varianceFen),
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
          message={t('drawer.varianceIntro', { variance: fmtSignedYuan(variance ?? 0), limit: fmtYuan(s.varianceLimitFen) })}
        />
      </SupervisorApprovalModal>
    </Row>
  );
}
