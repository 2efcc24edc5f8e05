import { useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { NewspaperCount } from '../../../../shared/api/mailSchemas';
import { fmtDateTime } from '../../../../shared/print/format';
import { run, useDeskQuery } from '../../api/useDesk';
import { tError } from '../../i18n';
import { formKeyDown } from '../../forms/keyboard';

type Count = z.infer<typeof NewspaperCount>;

/** Newspapers and magazines counted against subscriptions; short or late is escalated to the shift leader. */
export function NewspapersTab() {
  const { t } = useTranslation();
  const list = useDeskQuery('mail:newspapers', {}, ['mail-changed']);
  const [carrier, setCarrier] = useState('邮局');
  const [title, setTitle] = useState('');
  const [expected, setExpected] = useState<number | null>(null);
  const [received, setReceived] = useState<number | null>(null);
  const [late, setLate] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const r = await run('mail:countNewspapers', {
      countId: uuidv7(),
      carrier,
      title,
      expected: expected ?? Number.NaN,
      received: received ?? Number.NaN,
      late,
      note,
    });
    if (!r.ok) return setError(tError(r.error.issues?.[0]?.message ?? r.error.message));
    setError(null);
    setTitle('');
    setExpected(null);
    setReceived(null);
    setLate(false);
    setNote('');
  };

  return (
    <div>
      <Form
        layout="inline"
        component="div"
        data-form
        onKeyDown={(e) => formKeyDown(e, () => void submit())}
        style={{ rowGap: 8, marginBottom: 12 }}
      >
        <Form.Item label={t('mail.carrier')}>
          <Input value={carrier} onChange={(e) => setCarrier(e.target.value)} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item label={t('mail.title')} required>
          <Input value={title} onChange={(e) => setTitle(e.target.value)} style={{ width: 160 }} data-testid="newspaper-title" />
        </Form.Item>
        <Form.Item label={t('mail.expected')} required>
          <InputNumber value={expected} onChange={setExpected} min={0} max={9999} data-testid="newspaper-expected" />
        </Form.Item>
        <Form.Item label={t('mail.received')} required>
          <InputNumber value={received} onChange={setReceived} min={0} max={9999} data-testid="newspaper-received" />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={late} onChange={(e) => setLate(e.target.checked)}>
            {t('mail.late')}
          </Checkbox>
        </Form.Item>
        <Form.Item label={t('mail.note')}>
          <Input value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" onClick={() => void submit()}>
          {t('mail.count')}
        </Button>
      </Form>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Table<Count>
        rowKey="id"
        size="small"
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: t('mail.none') }}
        columns={[
          { title: t('mail.receivedAt'), key: 'at', width: 140, render: (_, c) => fmtDateTime(c.at) },
          { title: t('mail.title'), dataIndex: 'title' },
          { title: t('mail.carrier'), dataIndex: 'carrier', width: 90 },
          { title: t('mail.received'), key: 'n', width: 110, render: (_, c) => `${c.received} / ${c.expected}` },
          {
            title: '',
            key: 'flag',
            render: (_, c) =>
              c.escalated ? (
                <Tag color="red" data-testid="newspaper-escalated">
                  {t('mail.escalated')}
                  {c.late ? ` · ${t('mail.late')}` : ''}
                </Tag>
              ) : (
                <Tag color="green">{t('mail.counted')}</Tag>
              ),
          },
          { title: t('mail.note'), dataIndex: 'note' },
          { title: t('mail.receivedBy'), dataIndex: 'byName', width: 90 },
        ]}
      />
    </div>
  );
}
