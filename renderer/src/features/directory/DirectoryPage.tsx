import { useState } from 'react';
import { Alert, App, Button, Card, Col, Input, Row, Space, Statistic, Table, Tag, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { HostMatch } from '../../../../shared/api/schemas';
import { roleAtLeast } from '../../../../shared/domain/staff';
import { run, useDeskQuery } from '../../api/useDesk';
import { useSession } from '../../stores/session';
import { tError } from '../../i18n';
import { MoveOutCell } from './MoveOutCell';

interface Problem {
  line: number;
  column: string;
  message: string;
}

async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** 住户名录: import units and occupants from CSV/XLSX (all rows or none), and look people up. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const role = useSession((s) => s.session?.staff.role ?? 'receptionist');
  const stats = useDeskQuery('directory:stats', undefined);
  const [problems, setProblems] = useState<{ list: Problem[]; total: number; error: string } | null>(null);
  const [importing, setImporting] = useState(false);
  const [results, setResults] = useState<HostMatch[]>([]);

  const importFile = async (file: File) => {
    setImporting(true);
    setProblems(null);
    const r = await run('directory:import', { fileName: file.name, contentBase64: await fileToBase64(file) });
    setImporting(false);
    if (r.ok) {
      message.success(t('directory.imported', r.value));
      stats.reload();
    } else {
      const details = r.error.details as { problems?: Problem[]; total?: number } | undefined;
      setProblems({
        list: details?.problems ?? [],
        total: details?.total ?? 0,
        error: tError(r.error.issues?.[0]?.message ?? r.error.message),
      });
    }
    return false;
  };

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
              <span data-testid="directory-upload">
                <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(f) => importFile(f)}>
                  <Button icon={<UploadOutlined />} loading={importing} type="primary">
                    {t('directory.chooseFile')}
                  </Button>
                </Upload>
              </span>
            ) : (
              <Alert type="info" message={t('directory.managerOnly')} />
            )}
            <p style={{ color: '#666', marginTop: 12, marginBottom: 0 }}>{t('directory.formatHint')}</p>
          </Card>
        </Col>
      </Row>
      {problems && (
        <Alert
          type="error"
          showIcon
          data-testid="import-problems"
          message={problems.total ? t('directory.problems', { count: problems.total }) : problems.error}
          description={
            problems.list.length > 0 && (
              <Table<Problem>
                size="small"
                rowKey={(p) => `${p.line}-${p.column}-${p.message}`}
                pagination={false}
                dataSource={problems.list}
                columns={[
                  { title: t('directory.line'), dataIndex: 'line', width: 80 },
                  {
                    title: t('directory.column'),
                    dataIndex: 'column',
                    width: 120,
                    render: (c: string) => t(`directory.col.${c}`, { defaultValue: c }),
                  },
                  { title: t('directory.problem'), dataIndex: 'message', render: (m: string) => tError(m) },
                ]}
              />
            )
          }
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
