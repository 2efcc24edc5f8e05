import { useState } from 'react';
import { Alert, Button, Segmented, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConsoleSession } from '../../stores/session';
import { useConsoleQuery } from '../../useConsoleQuery';
import { consoleContract } from '../../../../src/console/contract/index';
import type { HqTicketRow } from '../../../../src/console/contract/hqtickets';
import { siteTime } from '../reports/reportFormat';
import { DEFAULT_SITE_TIME_ZONE } from '../../../../../shared/domain/deskTime';
import { ticketWords } from './hqTicketWords';
import { HqTicketForm } from './HqTicketForm';
import { HqTicketDrawer } from './HqTicketDrawer';

type Show = 'open' | 'fromHq';

/**
 * A site's tickets (`#/site/<id>/tickets`): the open ones of every desk and HQ's own, with their state and
 * whether a deadline has passed; a service manager sends a new one to the site's desks from here.
 */
export function HqTicketsTab(props: { siteId: string }) {
  const { t, i18n } = useTranslation();
  const role = useConsoleSession((s) => s.user!.role);
  const mayCreate = consoleContract['hqtickets.create'].roles.includes(role);
  const [show, setShow] = useState<Show>('open');
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useConsoleQuery('hqtickets.list', { siteId: props.siteId, show });
  const w = ticketWords(i18n.language);
  const zone = list.data?.zone ?? DEFAULT_SITE_TIME_ZONE;
  const columns = [
    {
      title: t('hqtickets.col.no'),
      key: 'no',
      render: (_: unknown, r: HqTicketRow) => (
        <Space size={4}>
          <span>{r.ticketNo}</span>
          {r.fromHq && <Tag color="blue">{t('hqtickets.fromHqTag')}</Tag>}
        </Space>
      ),
    },
    { title: t('hqtickets.col.kind'), key: 'kind', render: (_: unknown, r: HqTicketRow) => w.kind(r.kind) },
    { title: t('hqtickets.col.level'), key: 'level', render: (_: unknown, r: HqTicketRow) => w.level(r) },
    { title: t('hqtickets.col.unit'), dataIndex: 'unitCode', key: 'unit' },
    { title: t('hqtickets.col.label'), dataIndex: 'label', key: 'label' },
    {
      title: t('hqtickets.col.state'),
      key: 'state',
      render: (_: unknown, r: HqTicketRow) => <Tag data-testid="hqticket-state">{w.state(r.state)}</Tag>,
    },
    {
      title: t('hqtickets.col.due'),
      key: 'due',
      render: (_: unknown, r: HqTicketRow) => (
        <Space size={4}>
          {r.nextDueAt ? siteTime(r.nextDueAt, zone) : ''}
          {r.overdue && (
            <Tag color="red" data-testid="hqticket-overdue">
              {t('hqtickets.overdue')}
            </Tag>
          )}
        </Space>
      ),
    },
    { title: t('hqtickets.col.opened'), key: 'opened', render: (_: unknown, r: HqTicketRow) => siteTime(r.openedAt, zone) },
  ];
  return (
    <div data-testid="hqtickets-tab">
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented<Show>
          value={show}
          onChange={setShow}
          options={[
            { value: 'open', label: t('hqtickets.show.open') },
            { value: 'fromHq', label: t('hqtickets.show.fromHq') },
          ]}
          data-testid="hqtickets-show"
        />
        <Button onClick={list.reload} data-testid="hqtickets-reload">
          {t('hqtickets.reload')}
        </Button>
        {mayCreate && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="hqtickets-new">
            {t('hqtickets.new')}
          </Button>
        )}
      </Space>
      {list.error && <Alert type="error" showIcon message={t(list.error.message)} />}
      <Table
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.tickets ?? []}
        columns={columns}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('hqtickets.empty') }}
        onRow={(r) => ({
          onClick: () => setOpenId(r.id),
          'data-testid': 'hqticket-row',
          style: { cursor: 'pointer', background: r.overdue ? '#fff1f0' : undefined },
        })}
      />
      {creating && (
        <HqTicketForm
          siteId={props.siteId}
          onClose={() => setCreating(false)}
          onCreated={(row) => {
            setCreating(false);
            setShow('fromHq');
            list.reload();
            setOpenId(row.id);
          }}
        />
      )}
      {openId && <HqTicketDrawer siteId={props.siteId} ticketId={openId} onClose={() => setOpenId(null)} />}
    </div>
  );
}
