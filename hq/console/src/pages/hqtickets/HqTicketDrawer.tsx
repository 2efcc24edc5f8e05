import { Alert, Descriptions, Drawer, List, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConsoleQuery } from '../../useConsoleQuery';
import type { HqTicketDetail } from '../../../../src/console/contract/hqtickets';
import { siteTime } from '../reports/reportFormat';
import { ticketWords } from './hqTicketWords';

type Step = HqTicketDetail['steps'][number];

/** One step of the timeline: when (site clock), which desk and who, what it did, what it said. */
function StepLine({ step, zone }: { step: Step; zone: string }) {
  const { t } = useTranslation();
  const desk = step.desk === 'HQ' ? t('hqtickets.detail.hq') : step.desk;
  return (
    <div data-testid="hqticket-step" data-sort={step.sort}>
      <Typography.Text type="secondary">{siteTime(step.at, zone)}</Typography.Text> <Tag>{desk}</Tag>
      <Typography.Text strong>{t(`hqtickets.step.${step.sort}`)}</Typography.Text> {step.by}
      {step.text && <div>{step.text}</div>}
      {step.flagged && <Tag color="orange">{t('hqtickets.detail.flagged')}</Tag>}
    </div>
  );
}

/**
 * A ticket of the site as HQ holds it: what was asked, its deadlines, and its timeline as the desks worked
 * it (dispatch, resolution, callback), each step with the desk and person who wrote it.
 */
export function HqTicketDrawer(props: { siteId: string; ticketId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const q = useConsoleQuery('hqtickets.get', { siteId: props.siteId, ticketId: props.ticketId });
  const w = ticketWords(i18n.language);
  const d = q.data;
  return (
    <Drawer
      open
      width={560}
      onClose={props.onClose}
      loading={q.loading && !d}
      title={d ? t('hqtickets.detail.title', { no: d.ticket.ticketNo }) : ' '}
      data-testid="hqticket-drawer"
    >
      {q.error && <Alert type="error" showIcon message={t(q.error.message)} />}
      {d && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('hqtickets.col.state')}>
              <Tag data-testid="hqticket-detail-state">{w.state(d.ticket.state)}</Tag>
              {d.ticket.overdue && <Tag color="red">{t('hqtickets.overdue')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('hqtickets.col.kind')}>
              {[w.kind(d.ticket.kind), w.level(d.ticket)].filter(Boolean).join(' · ')}
            </Descriptions.Item>
            <Descriptions.Item label={t('hqtickets.detail.channel')}>{w.channel(d.ticket.channel)}</Descriptions.Item>
            <Descriptions.Item label={t('hqtickets.col.label')}>{d.ticket.label}</Descriptions.Item>
            <Descriptions.Item label={t('hqtickets.col.unit')}>{d.ticket.unitCode}</Descriptions.Item>
            <Descriptions.Item label={t('hqtickets.detail.openedBy')}>
              {d.ticket.openedBy} · {siteTime(d.ticket.openedAt, d.zone)}
            </Descriptions.Item>
            <Descriptions.Item label={t('hqtickets.detail.description')}>{d.ticket.description}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('hqtickets.detail.deadlines')}
          </Typography.Title>
          <List
            size="small"
            dataSource={d.deadlines}
            renderItem={(x) => (
              <List.Item data-testid="hqticket-deadline">
                {w.deadline(x.type)}:{' '}
                {x.metAt
                  ? t('hqtickets.detail.met', { at: siteTime(x.metAt, d.zone) })
                  : t('hqtickets.detail.due', { at: siteTime(x.dueAt, d.zone) })}
                {x.overdue && <Tag color="red">{t('hqtickets.overdue')}</Tag>}
              </List.Item>
            )}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('hqtickets.detail.timeline')}
          </Typography.Title>
          <Timeline
            data-testid="hqticket-timeline"
            items={d.steps.map((s) => ({
              key: s.id,
              color: s.flagged ? 'orange' : 'blue',
              children: <StepLine step={s} zone={d.zone} />,
            }))}
          />
        </>
      )}
    </Drawer>
  );
}
