import { useState } from 'react';
import { Alert, App, Card, Col, Input, Row, Space, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HostMatch } from '../../../../shared/api/schemas';
import { roleAtLeast } from '../../../../shared/domain/staff';
import { run, useDeskQuery } from '../../api/useDesk';
import { useSession } from '../../stores/session';
import { ImportButton, ImportProblems, useFileImport } from '../../forms/FileImport';
import { MoveOutCell } from './MoveOutCell';

/** 住户名录: import units and occupants from CSV/XLSX (all rows or none), and look people up. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const role = useSession((s) => s.session?.staff.role ?? 'receptionist');
  const stats = useDeskQuery('directory:stats', undefined);
  const [results, setResults] = useState<HostMatch[]>([]);
  const { failure, importing, importFile } = useFileImport((file) => run('directory:import', file));
  const onFile = (file: File) =>
    void importFile(file, (imported) => {
      message.success(t('directory.imported', imported));
      stats.reload();
    });

  const search = async (q: string) => {
    const r = await run('directory:search', { q, limit: 50 });
    setResults(r.ok ? r.value : []);
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={16}>
        <Col span={12}>
          <Card>
            <Space size={48}>
              <Statistic title={t('directory.units')} value={stats.data?.units ?? 0} />
              <Statistic title={t('directory.occupants')} value={stats.data?.occupants ?? 0} />
            </Space>
          </Card>
        </Col>
        <Col span={12}>
          <Card title={t('directory.importTitle')}>
            {roleAtLeast(role, 'manager') ? (
              <ImportButton label={t('directory.chooseFile')} loading={importing} onFile={onFile} testId="directory-upload" />
            ) : (
              <Alert type="info" message={t('directory.managerOnly')} />
            )}
            <p style={{ color: '#666', marginTop: 12, marginBottom: 0 }}>{t('directory.formatHint')}</p>
          </Card>
        </Col>
      </Row>
      {failure && (
        <ImportProblems
          failure={failure}
          columnLabel={(c) => t(`directory.col.${c}`, { defaultValue: c })}
          testId="import-problems"
        />
      )}
      <Card title={t('directory.searchTitle')}>
        <Input.Search
          placeholder={t('visit.hostHint')}
          onSearch={(q) => void search(q)}
          allowClear
          style={{ maxWidth: 420, marginBottom: 12 }}
          data-testid="directory-search"
        />
        <Table<HostMatch>
          rowKey="occupantId"
          size="small"
          dataSource={results}
          pagination={false}
          columns={[
            { title: t('directory.col.unit'), dataIndex: 'unitCode', width: 140 },
            { title: t('directory.col.name'), dataIndex: 'name' },
            { title: t('directory.col.company'), dataIndex: 'company' },
            {
              title: t('directory.col.role'),
              dataIndex: 'role',
              render: (r: HostMatch['role']) => <Tag>{t(`occupantRole.${r}`)}</Tag>,
            },
            { title: t('directory.col.phone'), dataIndex: 'phoneMasked' },
            {
              title: t('directory.movedOut'),
              key: 'movedOut',
              render: (_: unknown, h: HostMatch) => (
                <MoveOutCell
                  host={h}
                  canEdit={roleAtLeast(role, 'shift_leader')}
                  onChanged={(next) => setResults((rs) => rs.map((x) => (x.occupantId === next.occupantId ? next : x)))}
                />
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
