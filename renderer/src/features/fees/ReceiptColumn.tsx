import { Alert, Button, Card, List, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { deskTime } from '../../../../shared/domain/deskTime';
import type { ProcOutput } from '../../../../shared/api/contract';
import { fmtYuan } from '../../../../shared/print/format';
import { DocumentPanel } from '../../print/DocumentPanel';

type Account = ProcOutput<'fees:account'>;
type Receipt = ProcOutput<'fees:receipt'>;

/** The receipt last issued or opened: its number, 作废 while it stands, and the document itself. */
export function ReceiptShown(props: { receipt: Receipt; jobId: string | null; onVoid: () => void }) {
  const { t } = useTranslation();
  const { receipt, jobId } = props;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {receipt.voided && <Alert type="error" data-testid="receipt-voided" message={t('fee.voidedBy', { ...receipt.voided })} />}
      <Space>
        <span data-testid="receipt-no">{receipt.receiptNo}</span>
        {!receipt.voided && (
          <Button danger onClick={props.onVoid} data-testid="receipt-void">
            {t('fee.void')}
          </Button>
        )}
      </Space>
      <DocumentPanel
        key={`${receipt.id}-${jobId}-${receipt.voided ? 'v' : ''}`}
        title={t('fee.receipt')}
        emptyText=""
        doc={{ docType: 'receipt', docId: receipt.id, number: receipt.receiptNo }}
        jobId={jobId}
        testId="receipt"
        sheet="a5"
      />
    </Space>
  );
}

/** The unit's recent receipts, each one opened beside the form. */
export function RecentReceipts(props: { receipts: Account['receipts']; onOpen: (receiptId: string) => void }) {
  const { t } = useTranslation();
  return (
    <Card title={t('fee.recentReceipts')} size="small" style={{ marginTop: 16 }}>
      <List
        size="small"
        dataSource={props.receipts}
        renderItem={(r) => (
          <List.Item
            actions={[
              <a key="open" onClick={() => props.onOpen(r.id)}>
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
  );
}
