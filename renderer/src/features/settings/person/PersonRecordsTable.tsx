import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PersonRecord } from '../../../../../shared/api/privacySchemas';
import { fmtDateTime } from '../../../../../shared/print/format';
import { RevealFullId } from './RevealFullId';

/** What the site holds on the person, one line per record; a receipt is marked as kept by law. */
export function PersonRecordsTable(props: { records: PersonRecord[] }) {
  const { t } = useTranslation();
  return (
    <Table<PersonRecord>
      size="small"
      rowKey={(r) => `${r.kind}:${r.id}`}
      dataSource={props.records}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('settings.person.none') }}
      data-testid="person-records"
      footer={() => t('settings.person.count', { count: props.records.length })}
      columns={[
        { title: t('settings.person.at'), key: 'at', width: 150, render: (_, r) => fmtDateTime(r.at) },
        { title: t('settings.person.kindCol'), key: 'kind', width: 110, render: (_, r) => t(`settings.person.kind.${r.kind}`) },
        { title: t('settings.person.ref'), key: 'ref', width: 160, dataIndex: 'ref' },
        {
          title: t('settings.person.detail'),
          key: 'detail',
          render: (_, r) => (
            <>
              {r.detail} {r.kept && <Tag>{t('settings.person.kept')}</Tag>}
              {r.fullIdKept && <RevealFullId visitId={r.id} />}
            </>
          ),
        },
      ]}
    />
  );
}
