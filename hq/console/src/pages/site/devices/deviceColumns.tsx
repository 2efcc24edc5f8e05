import { Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { timeText, type DeviceRow } from './deviceTypes';

/** The desk clock's offset from HQ's, as a person reads it: seconds ahead (+) or behind (−). */
function offsetText(t: TFunction, ms: number | null): string {
  if (ms === null) return '—';
  const s = Math.round(ms / 1000);
  return t('devices.col.seconds', { n: s > 0 ? `+${s}` : String(s) });
}

function StateTags({ d, t }: { d: DeviceRow; t: TFunction }) {
  if (d.state === 'revoked') return <Tag data-testid={`device-${d.code}-state`}>{t('devices.state.revoked')}</Tag>;
  return (
    <Tag color={d.online ? 'green' : 'orange'} data-testid={`device-${d.code}-state`}>
      {t(d.online ? 'devices.state.online' : d.lastSeenAt ? 'devices.state.silent' : 'devices.state.notYet')}
    </Tag>
  );
}

/** The columns of the devices table: what HQ last heard of each desk. */
export function deviceColumns(t: TFunction): ColumnsType<DeviceRow> {
  return [
    {
      title: t('devices.col.code'),
      dataIndex: 'code',
      render: (code: string, d) => (
        <Space direction="vertical" size={0}>
          <strong>{code}</strong>
          {d.replaces && <span className="muted">{t('devices.replacesOld', { code: d.replaces })}</span>}
        </Space>
      ),
    },
    { title: t('devices.col.state'), key: 'state', render: (_, d) => <StateTags d={d} t={t} /> },
    {
      title: t('devices.col.lastSeen'),
      dataIndex: 'lastSeenAt',
      render: (v: string | null) => (v ? timeText(v) : t('devices.never')),
    },
    { title: t('devices.col.version'), dataIndex: 'appVersion', render: (v: string | null) => v ?? '—' },
    {
      title: t('devices.col.clock'),
      key: 'clock',
      render: (_, d) =>
        d.clockFlagged ? <Tag color="red">{offsetText(t, d.clockOffsetMs)}</Tag> : offsetText(t, d.clockOffsetMs),
    },
    { title: t('devices.col.waiting'), dataIndex: 'waiting', render: (v: number | null) => (v === null ? '—' : v) },
    { title: t('devices.col.enrolled'), dataIndex: 'enrolledAt', render: (v: string) => timeText(v) },
  ];
}
