import { useState } from 'react';
import { Alert, App, Button, Divider } from 'antd';
import { useTranslation } from 'react-i18next';
import { run } from '../../api/useDesk';
import { tError } from '../../i18n';
import { saveBase64File } from '../../api/saveFile';

/** 导出诊断包: an administrator saves the zip support asks for (logs, sync status, versions, settings). */
export function DiagnosticsSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const exportPackage = async () => {
    setBusy(true);
    const r = await run('diagnostics:export');
    setBusy(false);
    if (!r.ok) return void message.error(tError(r.error.message));
    saveBase64File(r.value.fileName, r.value.base64);
    message.success(t('settings.diagnostics.done', { file: r.value.fileName }));
  };
  return (
    <div data-testid="diagnostics">
      <Divider titlePlacement="start">{t('settings.diagnostics.title')}</Divider>
      <Alert type="info" showIcon message={t('settings.diagnostics.hint')} style={{ marginBottom: 16 }} />
      <Button onClick={() => void exportPackage()} loading={busy} data-testid="diagnostics-export">
        {t('settings.diagnostics.export')}
      </Button>
    </div>
  );
}
