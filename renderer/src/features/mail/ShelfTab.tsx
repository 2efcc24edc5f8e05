import { useRef, useState } from 'react';
import { App, Button, Input, Modal, Select, Space, Table, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import { NOTICE_METHODS } from '../../../../shared/domain/mail';
import type { MailItem } from '../../../../shared/api/mailSchemas';
import { run, useDeskQuery } from '../../api/useDesk';
import { requestPrint } from '../../print/printing';
import { tError } from '../../i18n';
import { mailColumns } from './mailColumns';
import { PickupModal } from './PickupModal';

/**
 * The shelf (awaiting pickup, by unit then age) or the moved-out residents' forwarding cabinet.
 * A scanned tracking number picks the item out; pickup, notice and pickup slip per line.
 */
export function ShelfTab(props: { view: 'awaiting' | 'forwarding' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useDeskQuery('mail:list', { view: props.view }, ['mail-changed']);
  const [filter, setFilter] = useState('');
  const find = useRef<InputRef>(null);
  const [picking, setPicking] = useState<MailItem | null>(null);
  const [noticing, setNoticing] = useState<MailItem | null>(null);
  const [method, setMethod] = useState<(typeof NOTICE_METHODS)[number]>('phone');
  const [note, setNote] = useState('');
  const wanted = filter.replace(/[\s-]+/g, '').toUpperCase();
  const rows = (list.data ?? []).filter((m) => !wanted || m.trackingNo.includes(wanted) || m.unitCode.startsWith(filter.trim()));

  const notice = async () => {
    if (!noticing) return;
    const r = await run('mail:notice', { itemId: noticing.id, method, note });
    if (r.ok) {
      message.success(t('mail.noticeRecorded'));
      setNoticing(null);
      setNote('');
    } else message.error(tError(r.error.issues?.[0]?.message ?? r.error.message));
  };

  return (
    <div>
      <Input.Search
        allowClear
        autoFocus
        placeholder={t('mail.scanToFind')}
        value={filter}
        ref={find}
        onChange={(e) => setFilter(e.target.value)}
        onSearch={(v) => {
          setFilter(v);
          const hit = (list.data ?? []).filter((m) => m.trackingNo === v.replace(/[\s-]+/g, '').toUpperCase());
          // One scan, one item: straight to the hand-over.
          const [item] = hit;
          if (item && hit.length === 1) setPicking(item);
        }}
        style={{ width: 320, marginBottom: 12 }}
        data-testid={`mail-${props.view}-find`}
      />
      <Table<MailItem>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={rows}
        data-testid={`mail-${props.view}-table`}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: t('mail.none') }}
        columns={[
          ...mailColumns(t).filter((c) => c.key !== 'status' || props.view === 'forwarding'),
          {
            title: '',
            key: 'actions',
            width: 250,
            render: (_, m) => (
              <Space>
                <Button size="small" type="primary" onClick={() => setPicking(m)} data-testid="mail-pickup">
                  {t('mail.pickUp')}
                </Button>
                <Button size="small" onClick={() => setNoticing(m)} data-testid="mail-notify">
                  {t('mail.notify')}
                </Button>
                <Button
                  size="small"
                  onClick={() => void requestPrint({ docType: 'mail_pickup_slip', docId: m.id, layout: 'roll80' })}
                >
                  {t('mail.pickupSlip')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <PickupModal
        item={picking}
        onClose={(done) => {
          setPicking(null);
          if (!done) return;
          message.success(t('mail.pickedUp', { name: done.item.lastSigner ?? '' }));
          // Ready for the next scan.
          setFilter('');
          setTimeout(() => find.current?.focus(), 0);
        }}
      />
      <Modal
        open={!!noticing}
        title={noticing ? `${t('mail.notify')} · ${noticing.unitCode} ${noticing.recipientName}` : ''}
        okText={t('mail.notify')}
        cancelText={t('common.cancel')}
        onOk={() => void notice()}
        onCancel={() => setNoticing(null)}
        okButtonProps={{ 'data-testid': 'mail-notify-submit' }}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select
            value={method}
            onChange={setMethod}
            style={{ width: 200 }}
            options={NOTICE_METHODS.map((m) => ({ value: m, label: t(`noticeMethod.${m}`) }))}
          />
          <Input placeholder={t('mail.noticeNote')} value={note} onChange={(e) => setNote(e.target.value)} />
        </Space>
      </Modal>
    </div>
  );
}
