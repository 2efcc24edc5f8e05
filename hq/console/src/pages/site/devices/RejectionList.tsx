import { Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { rejectionWording } from '../../../../../../shared/i18n/rejectionText';
import { useConsoleQuery } from '../../../useConsoleQuery';
import { DESK_NS } from '../../../deskWords';
import { timeText, type RejectionRow } from './deviceTypes';

function RejectionItem({ r }: { r: RejectionRow }) {
  const { t } = useTranslation();
  const { t: desk } = useTranslation(DESK_NS);
  const w = rejectionWording(desk, r);
  return (
    <Card
      size="small"
      data-testid="rejection"
      title={<Tag color="red">{w.what}</Tag>}
      extra={t('devices.rejections.desk', { code: r.deskCode })}
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('devices.rejections.about')}>
          <span data-testid="rejection-about">{r.identity ? w.about : t('devices.rejections.noRecord')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('devices.rejections.why')}>
          <span data-testid="rejection-why">{w.why}</span>
        </Descriptions.Item>
        {r.hqNote && <Descriptions.Item label={t('devices.rejections.hqNote')}>{r.hqNote}</Descriptions.Item>}
        <Descriptions.Item label={t('devices.rejections.when')}>{timeText(r.receivedAt)}</Descriptions.Item>
      </Descriptions>
      {/* HQ re-judges an event only when its own desk asks (the desk keeps the rejection's state): say so. */}
      <Typography.Text type="secondary">
        {t(r.resendable ? 'devices.rejections.resendable' : 'devices.rejections.final', { code: r.deskCode })}
      </Typography.Text>
    </Card>
  );
}

/** The events HQ refused for this site (the CLI's `rejected`), worded as the desk words them. */
export function RejectionList({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const q = useConsoleQuery('devices.rejected', { siteId });
  const rows = q.data?.rows ?? [];
  const more = (q.data?.total ?? 0) - rows.length;
  return (
    <Card title={t('devices.rejections.title')} loading={q.loading && !q.data} data-testid="rejections">
      {q.error ? (
        <Typography.Text type="danger">{t(q.error.message)}</Typography.Text>
      ) : rows.length === 0 ? (
        <Empty description={t('devices.rejections.none')} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {rows.map((r) => (
            <RejectionItem key={r.eventId} r={r} />
          ))}
          {more > 0 && <Typography.Text type="secondary">{t('devices.rejections.more', { count: more })}</Typography.Text>}
        </Space>
      )}
    </Card>
  );
}
