import { useState } from 'react';
import { App, Button, Divider, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PersonQuery, PersonRecord } from '../../../../shared/api/privacySchemas';
import { run } from '../../api/useDesk';
import { savePdf } from '../../print/printing';
import { tError } from '../../i18n';
import { PersonSearchForm, type PersonQueryInput } from './person/PersonSearchForm';
import { PersonRecordsTable } from './person/PersonRecordsTable';
import { PersonEraseForm } from './person/PersonEraseForm';

/**
 * 设置 → 个人信息: a person's rights. A manager finds what the site holds on one person, gives them a
 * PDF copy and erases it at their request. Shown to a manager only; the backend refuses anyone else.
 */
export function PersonDataSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [found, setFound] = useState<{ query: PersonQueryInput; records: PersonRecord[] } | null>(null);
  const search = async (query: PersonQueryInput) => {
    const r = await run('privacy:personSearch', query);
    if (!r.ok) return r.error;
    setFound({ query, records: r.value });
    return null;
  };
  const exportPdf = async () => {
    if (!found) return;
    const r = await run('privacy:personExport', found.query);
    if (r.ok) savePdf(r.value);
    else void message.error(tError(r.error.message));
  };
  const erase = async (reason: string, confirmName: string) => {
    if (!found) return null;
    const r = await run('privacy:personErase', { person: found.query as PersonQuery, reason, confirmName });
    if (!r.ok) return r.error;
    void message.success({ content: t('settings.person.erased', r.value), key: 'person-erased' });
    await search(found.query);
    return null;
  };
  const erasable = found?.records.some((r) => !r.kept) ?? false;
  return (
    <div data-testid="person-data">
      <Divider titlePlacement="start">{t('settings.person.title')}</Divider>
      <p>{t('settings.person.hint')}</p>
      <PersonSearchForm onSearch={search} />
      {found && (
        <div style={{ marginTop: 12 }}>
          <PersonRecordsTable records={found.records} />
          <Space style={{ margin: '12px 0' }}>
            <Button onClick={() => void exportPdf()} data-testid="person-export">
              {t('settings.person.export')}
            </Button>
          </Space>
          {erasable && <PersonEraseForm key={found.query.name} name={found.query.name} onErase={erase} />}
        </div>
      )}
    </div>
  );
}
