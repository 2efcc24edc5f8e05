import { useState } from 'react';
import { Alert, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConsoleSession } from '../../../stores/session';
import { useConsoleQuery } from '../../../useConsoleQuery';
import { SettingsForm } from './SettingsForm';
import { SETTING_LABEL } from './settingsTypes';

type Notice = { type: 'success' | 'info' | 'warning'; text: string; id: string };

/**
 * A site's rules (issue 21 item 3): limits, deadline rules and the classifier its desks work by. The HQ
 * admin changes them — one HQ change every desk of the site applies at its next sync — the others read.
 */
export function SettingsTab({ siteId }: { siteId: string }) {
  const { t, i18n } = useTranslation();
  const canEdit = useConsoleSession((s) => s.user?.role === 'admin');
  const q = useConsoleQuery('settings.get', { siteId });
  const [notices, setNotices] = useState<Notice[]>([]);
  const names = (keys: readonly (keyof typeof SETTING_LABEL)[]) =>
    new Intl.ListFormat(i18n.language).format(keys.map((k) => t(SETTING_LABEL[k])));
  if (q.error) return <Alert type="error" showIcon message={t(q.error.message)} data-testid="settings-error" />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="settings-tab">
      {notices.map((n) => (
        <Alert key={n.id} type={n.type} showIcon message={n.text} data-testid={`settings-${n.id}`} />
      ))}
      <Card size="small" title={t('settings.title')} loading={!q.data} style={{ maxWidth: 960 }}>
        <Typography.Paragraph type="secondary">{t('settings.flowsDown')}</Typography.Paragraph>
        {!canEdit && <Alert type="info" showIcon message={t('settings.adminOnly')} style={{ marginBottom: 12 }} />}
        {q.data && (
          <SettingsForm
            // A new basis (after a save or a reload) starts the form again from HQ's values.
            key={JSON.stringify(q.data.basedOn)}
            siteId={siteId}
            view={q.data}
            canEdit={canEdit}
            onSaved={(s) => {
              const next: Notice[] = s.changed.length
                ? [{ type: 'success', id: 'saved', text: t('settings.saved', { names: names(s.changed) }) }]
                : [{ type: 'info', id: 'unchanged', text: t('settings.unchanged') }];
              if (s.raced.length)
                next.push({ type: 'warning', id: 'raced', text: t('settings.raced', { names: names(s.raced) }) });
              setNotices(next);
              q.reload();
            }}
          />
        )}
      </Card>
    </Space>
  );
}
