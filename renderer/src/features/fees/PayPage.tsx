import { useCallback, useEffect, useRef, useState } from 'react';
import { App, Alert, Button, Card, Col, Form, List, Row, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { deskTime } from '../../../../shared/domain/deskTime';
import type { ProcOutput } from '../../../../shared/api/contract';
import type { HostMatch } from '../../../../shared/api/schemas';
import { fmtYuan } from '../../../../shared/print/format';
import { run } from '../../api/useDesk';
import { HostPicker } from '../visitors/HostPicker';
import { DocumentPanel } from '../../print/DocumentPanel';
import { printJobInBrowser } from '../../print/printing';
import { SupervisorApprovalModal } from '../../forms/SupervisorApprovalModal';
import { AccountSummary } from './AccountSummary';
import { PaymentForm } from './PaymentForm';
import { RefundPanel } from './RefundPanel';
import { useNav } from '../../stores/nav';
import { useUntabbable } from '../../forms/untabbable';

type Account = ProcOutput<'fees:account'>;
type Receipt = ProcOutput<'fees:receipt'>;

/** F10 收费: find the unit (unit, name, pinyin initials, phone last 4), check the account with the payer, take the money. */
export function PayPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const focusTick = useNav((s) => s.focusTick);
  const [occupant, setOccupant] = useState<HostMatch | null>(null);
  const [account, setAccount] = useState<Account | null>(null);
  /** The account shown was just picked (not reloaded after a payment or refund): the cursor may go on to its lines. */
  const [justPicked, setJustPicked] = useState(false);
  const [receipt, setReceipt] = useState<{ receipt: Receipt; jobId: string | null } | null>(null);
  const [voiding, setVoiding] = useState<Receipt | null>(null);
  const payCard = useRef<HTMLDivElement>(null);
  useUntabbable(payCard);

  useEffect(() => {
    document.querySelector<HTMLElement>('[data-testid="host-select"] input')?.focus();
  }, [focusTick]);

  // Only the account of the unit asked for last is shown: a slower answer for an earlier pick is dropped.
  const wanted = useRef<string | null>(null);
  const load = useCallback(async (unitId: string, picked = false) => {
    wanted.current = unitId;
    const r = await run('fees:account', { unitId });
    if (!r.ok || wanted.current !== unitId) return;
    setAccount(r.value);
    setJustPicked(picked);
  }, []);

  const showReceipt = async (id: string) => {
    const r = await run('fees:receipt', { receiptId: id });
    if (r.ok) setReceipt({ receipt: r.value, jobId: null });
  };

  return (
    <Row gutter={16}>
      <Col xs={24} xl={14}>
        <Card title={t('fee.title')} ref={payCard}>
          <Form layout="vertical" component="div">
            <Form.Item label={t('fee.findUnit')}>
              <HostPicker
                value={occupant?.occupantId}
                selected={occupant}
                onChange={(_v, match) => {
                  setOccupant(match);
                  setAccount(null);
                  wanted.current = null;
                  if (match) void load(match.unitId, true);
                }}
              />
            </Form.Item>
          </Form>
          {account && (
            <>
              <AccountSummary account={account} />
              <div style={{ marginTop: 16 }}>
                <PaymentForm
                  key={account.unitId + account.receipts.length}
                  account={account}
                  focusLinesOnMount={justPicked}
                  onPaid={(r) => {
                    message.success(t('fee.paid', { receiptNo: r.receipt.receiptNo }));
                    setReceipt({ receipt: r.receipt, jobId: r.printJobId });
                    void printJobInBrowser(r.printJobId);
                    void load(account.unitId);
                  }}
                />
              </div>
              {account.balanceFen < 0 && (
                <RefundPanel
                  key={`${account.unitId}${account.balanceFen}`}
                  account={account}
                  onRefunded={() => void load(account.unitId)}
                />
              )}
            </>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        {receipt && (
          <Space direction="vertical" style={{ width: '100%' }}>
            {receipt.receipt.voided && (
              <Alert type="error" data-testid="receipt-voided" message={t('fee.voidedBy', { ...receipt.receipt.voided })} />
            )}
            <Space>
              <span data-testid="receipt-no">{receipt.receipt.receiptNo}</span>
              {!receipt.receipt.voided && (
                <Button danger onClick={() => setVoiding(receipt.receipt)} data-testid="receipt-void">
                  {t('fee.void')}
                </Button>
              )}
            </Space>
            <DocumentPanel
              key={`${receipt.receipt.id}-${receipt.jobId}-${receipt.receipt.voided ? 'v' : ''}`}
              title={t('fee.receipt')}
              emptyText=""
              doc={{ docType: 'receipt', docId: receipt.receipt.id, number: receipt.receipt.receiptNo }}
              jobId={receipt.jobId}
              testId="receipt"
              sheet="a5"
            />
          </Space>
        )}
        {account && account.receipts.length > 0 && (
          <Card title={t('fee.recentReceipts')} size="small" style={{ marginTop: 16 }}>
            <List
              size="small"
              dataSource={account.receipts}
              renderItem={(r) => (
                <List.Item
                  actions={[
                    <a key="open" onClick={() => void showReceipt(r.id)}>
                      {t('fee.open')}
                    </a>,
                  ]}
                >
                  {r.receiptNo} · {deskTime(r.issuedAt).format('MM-DD HH:mm')} · {fmtYuan(r.totalFen)}{' '}
                  {r.voided && <Tag color="red">{t('fee.voided')}</Tag>}
                </List.Item>
              )}
            />
          </Card>
        )}
      </Col>
      <SupervisorApprovalModal
        open={!!voiding}
        title={t('fee.voidTitle', { receiptNo: voiding?.receiptNo ?? '' })}
        okText={t('fee.void')}
        reasonLabel={t('fee.voidReason')}
        fieldPrefix="approval"
        testId="void"
        submitTestId="void-submit"
        onCancel={() => setVoiding(null)}
        onApprove={async (approval) => {
          const r = await run('fees:void', { receiptId: voiding!.id, approval });
          if (!r.ok) return r.error;
          setVoiding(null);
          setReceipt({ receipt: r.value, jobId: null });
          message.success(t('fee.voidDone'));
          if (account) void load(account.unitId);
          return null;
        }}
      >
        <Alert
          type="warning"
          style={{ marginBottom: 12 }}
          message={t('fee.voidIntro', { amount: fmtYuan(voiding?.totalFen ?? 0) })}
        />
      </SupervisorApprovalModal>
    </Row>
  );
}
