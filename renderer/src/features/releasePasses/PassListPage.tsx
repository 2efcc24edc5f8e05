import { useState } from 'react';
import { Alert, App, Button, Card, Input, Modal, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../../stores/nav';
import { PASS_LISTS, type ReleasePass } from '../../../../shared/api/releasePassSchemas';
import { run, useDeskQuery } from '../../api/useDesk';
import { requestPrint } from '../../print/printing';
import { tError } from '../../i18n';
import { passColumns } from './passColumns';
import { DayRangeFilter, SearchBox, SearchFilters } from '../../lists/SearchFilters';
import { ResultTable } from '../../lists/ResultTable';
import { useDayRange } from '../../lists/useDayRange';

type View = (typeof PASS_LISTS)[number] | 'history';

/** 放行条: today's, pending, released, expired and cancelled passes, history by unit and date; cancel and reprint. */
export function PassListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [view, setView] = useState<View>('today');
  const [unit, setUnit] = useState('');
  const days = useDayRange(30);
  const [cancelling, setCancelling] = useState<ReleasePass | null>(null);
  const [reason, setReason] = useState('');
  const [cancelError, setCancelError] = useState<string | null>(null);
  const list = useDeskQuery('passes:list', { view: view === 'history' ? 'today' : view }, ['passes-changed']);
  const history = useDeskQuery('passes:search', { unit, from: days.from, to: days.to, limit: 200 }, ['passes-changed']);
  const shown = view === 'history' ? history : list;

  const cancel = async () => {
    if (!cancelling) return;
    const r = await run('passes:cancel', { passId: cancelling.id, reason });
    if (r.ok) {
      message.success(t('pass.cancelled', { passNo: r.value.passNo }));
      setCancelling(null);
      setReason('');
      setCancelError(null);
    } else setCancelError(tError(r.error.issues?.[0]?.message ?? r.error.message));
  };

  return (
    <Card
      title={
        <span>
          {t('nav.passes')}
          <span className="kbd">{SHORTCUTS.passes}</span>
        </span>
      }
    >
      <Tabs
        activeKey={view}
        onChange={(k) => setView(k as View)}
        items={[...PASS_LISTS, 'history' as const].map((k) => ({
          key: k,
          label: <span data-testid={`passes-tab-${k}`}>{t(`passList.${k}`)}</span>,
        }))}
      />
      {view === 'history' && (
        <SearchFilters>
          <SearchBox
            label={t('pass.unit')}
            autoFocus
            placeholder={t('passList.unitHint')}
            onSearch={setUnit}
            width={240}
            testId="passes-unit"
            error={history.error}
            path="unit"
          />
          <DayRangeFilter label={t('history.dates')} days={days} />
        </SearchFilters>
      )}
      <ResultTable<ReleasePass>
        found={shown}
        testId="passes-table"
        empty={t('passList.empty')}
        columns={[
          ...passColumns(t),
          {
            title: '',
            key: 'actions',
            width: 150,
            render: (_, p) => (
              <Space>
                <Button
                  size="small"
                  onClick={() => void requestPrint({ docType: 'release_pass', docId: p.id, layout: 'roll80' })}
                >
                  {t('print.reprint')}
                </Button>
                {p.status === 'issued' && (
                  <Button size="small" danger onClick={() => setCancelling(p)} data-testid="pass-cancel">
                    {t('pass.cancel')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!cancelling}
        title={t('pass.cancelTitle', { passNo: cancelling?.passNo ?? '' })}
        okText={t('pass.cancel')}
        okButtonProps={{ danger: true, ...{ 'data-testid': 'pass-cancel-submit' } }}
        cancelText={t('common.cancel')}
        onOk={() => void cancel()}
        onCancel={() => {
          setCancelling(null);
          setCancelError(null);
        }}
        destroyOnHidden
      >
        <Input
          autoFocus
          value={reason}
          placeholder={t('pass.cancelReason')}
          onChange={(ev) => setReason(ev.target.value)}
          onPressEnter={() => void cancel()}
          data-testid="pass-cancel-reason"
        />
        {cancelError && <Alert type="error" showIcon message={cancelError} style={{ marginTop: 8 }} />}
      </Modal>
    </Card>
  );
}
