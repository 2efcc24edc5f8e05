import { useState } from 'react';
import { Button, DatePicker, Empty, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LogEntry } from '../../../../shared/api/logSchemas';
import { LOG_CATEGORIES, type LogCategory } from '../../../../shared/domain/log';
import { run, useDeskQuery } from '../../api/useDesk';
import { LogEntryItem } from './LogEntryItem';
import { useDayRange } from '../../lists/useDayRange';

/** Search all history: text, category, unit/company, author and dates; Enter searches. */
export function LogSearch(props: { allDesks: boolean; onCorrect: (e: LogEntry) => void }) {
  const { t } = useTranslation();
  const staff = useDeskQuery('staff:list', undefined);
  const [text, setText] = useState('');
  const [category, setCategory] = useState<LogCategory | undefined>();
  const [tag, setTag] = useState('');
  const [authorId, setAuthorId] = useState<string | undefined>();
  const days = useDayRange();
  const [results, setResults] = useState<LogEntry[] | null>(null);
  const search = async () => {
    const r = await run('log:search', {
      text,
      category,
      tag,
      authorId,
      from: days.from,
      to: days.to,
      allDesks: props.allDesks,
    });
    if (r.ok) setResults(r.value);
  };
  return (
    <>
      <Form component="div" layout="inline" onKeyDown={(e) => e.key === 'Enter' && void search()} style={{ rowGap: 8 }}>
        <Input
          placeholder={t('log.searchText')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 200 }}
          data-testid="log-search-text"
        />
        <Select
          allowClear
          placeholder={t('log.category')}
          value={category}
          onChange={setCategory}
          style={{ width: 120 }}
          options={LOG_CATEGORIES.map((c) => ({ value: c, label: t(`log.cat.${c}`) }))}
        />
        <Input placeholder={t('log.tag')} value={tag} onChange={(e) => setTag(e.target.value)} style={{ width: 130 }} />
        <Select
          allowClear
          placeholder={t('log.author')}
          value={authorId}
          onChange={setAuthorId}
          style={{ width: 130 }}
          options={(staff.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        />
        <DatePicker.RangePicker value={days.range} onChange={days.setRange} />
        <Button type="primary" onClick={() => void search()} data-testid="log-search">
          {t('log.search')}
        </Button>
      </Form>
      {results && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
          {results.length === 0 ? (
            <Empty description={t('log.noResults')} />
          ) : (
            results.map((e) => <LogEntryItem key={e.id} entry={e} showDesk={props.allDesks} onCorrect={props.onCorrect} />)
          )}
        </Space>
      )}
    </>
  );
}
