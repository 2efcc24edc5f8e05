import { useState } from 'react';
import { Alert, Button, Card, Table, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { IMPORT_MAX_BYTES, LINE_ISSUE } from '../../../../../src/console/contract/directory';
import type { ImportProblem } from '../../../../../../shared/api/directoryRow';
import { call, ConsoleCallError } from '../../../api';
import { fmtYuan } from '../../../../../../shared/print/format';
import '../../../deskWords';

type Kind = 'directory' | 'charges';
type Failure = { sentence: string; lines: ImportProblem[] };

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** HQ's refusal: the bad lines from their issues (`line.<n>.<column>`), or the one sentence about the file. */
function failureOf(e: unknown, t: TFunction): Failure {
  if (!(e instanceof ConsoleCallError)) return { sentence: t('console.err.internal'), lines: [] };
  const lines = e.issues.flatMap((i) => {
    const m = LINE_ISSUE.exec(i.path);
    return m ? [{ line: Number(m[1]), column: m[2]!, message: i.message }] : [];
  });
  const first = e.issues[0]?.message ?? e.message;
  const sentence = lines.length
    ? t('desk:directory.problems', { count: lines.length })
    : t(first.startsWith('err.') ? `desk:${first}` : first);
  return { sentence, lines };
}

/**
 * 导入名录 / 导入应收 from the browser, as the CLI's import-directory / import-charges and the desk's own
 * import: the file read here and sent as base64 in the JSON call; one bad line and nothing is imported,
 * every bad line listed by line, column and problem in the desk's words.
 */
export function ImportCard(props: { siteId: string; kind: Kind }) {
  const { t } = useTranslation();
  const { kind, siteId } = props;
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const importFile = async (file: File) => {
    setFailure(null);
    setDone(null);
    if (file.size > IMPORT_MAX_BYTES) return setFailure({ sentence: t('directory.err.tooLarge'), lines: [] });
    setBusy(true);
    try {
      const input = { siteId, fileName: file.name, contentBase64: await base64Of(file) };
      if (kind === 'directory') {
        const r = await call('directory.importDirectory', input);
        setDone(t('desk:directory.imported', { ...r, updated: r.occupants - r.created }));
      } else {
        const r = await call('directory.importCharges', input);
        setDone(t('desk:fee.chargesImported', { ...r, total: fmtYuan(r.totalFen) }));
      }
    } catch (e) {
      setFailure(failureOf(e, t));
    } finally {
      setBusy(false);
    }
  };
  const columnLabel = (c: string) =>
    t(kind === 'directory' ? `desk:directory.col.${c}` : `desk:fee.importCol.${c}`, { defaultValue: c });
  return (
    <Card
      size="small"
      title={t(kind === 'directory' ? 'desk:directory.importTitle' : 'desk:fee.importTitle')}
      data-testid={`${kind}-import`}
    >
      <span data-testid={`${kind}-upload`}>
        <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(f) => (void importFile(f), false)}>
          <Button type="primary" loading={busy}>
            {t('desk:directory.chooseFile')}
          </Button>
        </Upload>
      </span>
      <p style={{ color: '#666', marginTop: 12 }}>
        {t(kind === 'directory' ? 'desk:directory.formatHint' : 'desk:fee.importHint')}{' '}
        {t('directory.limit', { mb: IMPORT_MAX_BYTES / 1024 / 1024 })}
      </p>
      {done && <Alert type="success" showIcon message={done} data-testid={`${kind}-imported`} />}
      {failure && (
        <Alert
          type="error"
          showIcon
          data-testid={`${kind}-problems`}
          message={failure.sentence}
          description={
            failure.lines.length > 0 && (
              <Table<ImportProblem>
                size="small"
                rowKey={(p) => `${p.line}-${p.column}-${p.message}`}
                pagination={false}
                dataSource={failure.lines}
                columns={[
                  { title: t('desk:directory.line'), dataIndex: 'line', width: 80 },
                  { title: t('desk:directory.column'), dataIndex: 'column', width: 120, render: columnLabel },
                  {
                    title: t('desk:directory.problem'),
                    dataIndex: 'message',
                    render: (m: string) => t(`desk:${m}`, { defaultValue: m }),
                  },
                ]}
              />
            )
          }
        />
      )}
    </Card>
  );
}
