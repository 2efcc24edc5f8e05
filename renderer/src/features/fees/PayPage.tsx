import { useCallback, useEffect, useRef, useState } from 'react';
import { App, Alert, Card, Col, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProcOutput } from '../../../../shared/api/contract';
import type { HostMatch } from '../../../../shared/api/schemas';
import { fmtYuan } from '../../../../shared/print/format';
import { run } from '../../api/useDesk';
import { HostPicker } from '../visitors/HostPicker';
import { printJobInBrowser } from '../../print/printing';
import { SupervisorApprovalModal } from '../../forms/SupervisorApprovalModal';
import { AccountSummary } from './AccountSummary';
import { PaymentForm } from './PaymentForm';
import { RefundPanel } from './RefundPanel';
import { ReceiptShown, RecentReceipts } from './ReceiptColumn';
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
        {receipt && <ReceiptShown receipt={receipt.receipt} jobId={receipt.jobId} onVoid={() => setVoiding(receipt.receipt)} />}
        {account && account.receipts.length > 0 && (
          <RecentReceipts receipts={account.receipts} onOpen={(id) => void showReceipt(id)} />
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
