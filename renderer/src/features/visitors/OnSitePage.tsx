import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Space, Table, Tag, type InputRef } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { deskTime } from '../../../../shared/domain/deskTime';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../../shared/api/schemas';
import { isOverstay } from '../../../../shared/domain/visits';
import { run, useDeskQuery, useNow } from '../../api/useDesk';
import { SHORTCUTS, useNav } from '../../stores/nav';
import { tError } from '../../i18n';
import { requestPrint } from '../../print/printing';
import { hostText, visitColumns } from './visitColumns';
import { NotReturned, RollCallButtons, ScanRefusal } from './OnSiteParts';

/**
 * 在场访客 and 离开登记: scan the returned slip (the scanner types the code and Enter) or pick the
 * visitor from the list. The list is also the evacuation roll call and prints on A4.
 */
export function OnSitePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const now = useNow();
  const focusTick = useNav((s) => s.focusTick);
  const scanRef = useRef<InputRef>(null);
  const [code, setCode] = useState('');
  const [scanError, setScanError] = useState<{ code: string | null; message: string } | null>(null);
  const [lastOut, setLastOut] = useState<Visit | null>(null);
  const onSite = useDeskQuery('visits:onSite', undefined, ['visits-changed']);
  const notReturned = useDeskQuery('visits:notReturned', undefined, ['visits-changed']);
  useEffect(() => scanRef.current?.focus(), [focusTick]);

  const checkOut = async (input: { code?: string; visitId?: string }) => {
    setScanError(null);
    const r = await run('visits:checkOut', input);
    if (r.ok) {
      setLastOut(r.value);
      message.success(t('visit.checkedOut', { name: r.value.visitorName }));
    } else {
      setScanError({ code: input.code ?? null, message: tError(r.error.issues?.[0]?.message ?? r.error.message) });
    }
    scanRef.current?.focus();
  };

  // The field is emptied as the scan is taken, whatever its result: the next slip's code is never
  // appended to this one, and a scanner already typing the next code is never cut short by a late
  // answer. The refused code is repeated beside the message instead.
  const takeScan = () => {
    const scanned = code.trim();
    setCode('');
    if (scanned) void checkOut({ code: scanned });
  };

  const visits = onSite.data ?? [];
  const persons = visits.reduce((n, v) => n + v.partySize, 0);
  const overstays = visits.filter((v) => isOverstay(v.validUntil, now)).length;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <span>
            {t('visit.checkOutTitle')}
            <span className="kbd">{SHORTCUTS.onSite}</span>
          </span>
        }
      >
        <Form component="div" layout="vertical">
          <Form.Item
            validateStatus={scanError ? 'error' : undefined}
            help={scanError && <ScanRefusal code={scanError.code} message={scanError.message} />}
            style={{ marginBottom: 0 }}
          >
            <Input
              ref={scanRef}
              className="scan-box"
              size="large"
              autoFocus
              value={code}
              data-testid="scan-input"
              placeholder={t('visit.scanHint')}
              onChange={(e) => setCode(e.target.value)}
              onPressEnter={takeScan}
              prefix={<ExportOutlined style={{ color: '#999' }} />}
            />
          </Form.Item>
        </Form>
        {lastOut && (
          <Alert
            style={{ marginTop: 12 }}
            type="success"
            showIcon
            data-testid="last-checkout"
            message={t('visit.checkedOutLine', {
              name: lastOut.visitorName,
              passNo: lastOut.passNo,
              time: deskTime(lastOut.checkedOutAt).format('HH:mm'),
            })}
          />
        )}
      </Card>
      <NotReturned visits={notReturned.data ?? []} now={now} onReturned={(id) => void checkOut({ visitId: id })} />
      <Card
        title={
          <Space>
            {t('visit.onSiteTitle')}
            <Tag color="blue" data-testid="onsite-count">
              {t('visit.onSiteSummary', { visits: visits.length, persons })}
            </Tag>
            {overstays > 0 && <Tag color="red">{t('visit.overstayCount', { count: overstays })}</Tag>}
          </Space>
        }
        extra={<RollCallButtons />}
      >
        <Table<Visit>
          rowKey="id"
          size="middle"
          loading={onSite.loading && !onSite.data}
          dataSource={visits}
          data-testid="onsite-table"
          pagination={false}
          locale={{ emptyText: t('visit.nobodyOnSite') }}
          rowClassName={(v) => (isOverstay(v.validUntil, now) ? 'row-overstay' : '')}
          columns={[
            ...visitColumns(t, now),
            {
              title: '',
              key: 'actions',
              width: 170,
              render: (_, v) => (
                <Space>
                  <Popconfirm
                    title={t('visit.confirmCheckOut', { name: v.visitorName })}
                    onConfirm={() => void checkOut({ visitId: v.id })}
                  >
                    <Button size="small" type="primary" ghost>
                      {t('visit.checkOut')}
                    </Button>
                  </Popconfirm>
                  <Button
                    size="small"
                    onClick={() => void requestPrint({ docType: 'visitor_pass', docId: v.id, layout: 'roll80' })}
                    title={hostText(v)}
                  >
                    {t('print.reprint')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
