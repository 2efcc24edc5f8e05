import { Alert, App, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { fmtYuan } from '../../../../shared/print/format';
import { run } from '../../api/useDesk';
import { ImportButton, ImportProblems, useFileImport } from '../../forms/FileImport';

/** 导入应收: a charges file (CSV/XLSX) by the directory's rules: one bad line and nothing is imported, every bad line listed. */
export function ChargeImportCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { failure, importing, importFile } = useFileImport((file) => run('fees:importCharges', file));
  const onFile = (file: File) =>
    void importFile(file, (r) =>
      message.success({
        content: <span data-testid="charges-imported">{t('fee.chargesImported', { ...r, total: fmtYuan(r.totalFen) })}</span>,
      }),
    );
  return (
    <Card size="small" title={t('fee.importTitle')} data-testid="charges-import">
      <ImportButton label={t('directory.chooseFile')} loading={importing} onFile={onFile} testId="charges-upload" />
      <p style={{ color: '#666', marginTop: 12 }}>{t('fee.importHint')}</p>
      {failure && (
        <ImportProblems
          failure={failure}
          columnLabel={(c) => t(`fee.importCol.${c}`, { defaultValue: c })}
          testId="charges-problems"
        />
      )}
    </Card>
  );
}

/** Shown instead of the import to anyone below a manager. */
export function ChargeImportManagerOnly() {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('fee.importTitle')}>
      <Alert type="info" message={t('fee.importManagerOnly')} />
    </Card>
  );
}
