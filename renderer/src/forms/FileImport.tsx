import { useState } from 'react';
import { Alert, Button, Table, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../../shared/api/result';
import type { ImportProblem } from '../../../shared/api/directoryRow';
import { tError } from '../i18n';

/** Why a file was refused: every bad line (the first 200) and how many there were, or one sentence. */
export interface ImportFailure {
  list: ImportProblem[];
  total: number;
  error: string;
}

async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * An import of a CSV/XLSX file, all rows or none (the directory, the charges): `send` hands the
 * file to its procedure; a refusal keeps the line-by-line problems for `ImportProblems`.
 */
export function useFileImport<T>(send: (file: { fileName: string; contentBase64: string }) => Promise<ApiResult<T>>) {
  const [failure, setFailure] = useState<ImportFailure | null>(null);
  const [importing, setImporting] = useState(false);
  const importFile = async (file: File, onDone: (value: T) => void) => {
    setImporting(true);
    setFailure(null);
    const r = await send({ fileName: file.name, contentBase64: await fileToBase64(file) });
    setImporting(false);
    if (r.ok) return onDone(r.value);
    const details = r.error.details as { problems?: ImportProblem[]; total?: number } | undefined;
    setFailure({
      list: details?.problems ?? [],
      total: details?.total ?? 0,
      error: tError(r.error.issues?.[0]?.message ?? r.error.message),
    });
  };
  return { failure, importing, importFile };
}

/** The "choose a file" button: CSV or XLSX only; the file is read here, never uploaded by antd. */
export function ImportButton(props: { label: string; loading: boolean; onFile: (file: File) => void; testId: string }) {
  return (
    <span data-testid={props.testId}>
      <Upload
        accept=".csv,.xlsx"
        showUploadList={false}
        beforeUpload={(f) => {
          props.onFile(f);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={props.loading} type="primary">
          {props.label}
        </Button>
      </Upload>
    </span>
  );
}

/** The refusal: how many problems, then line, column and problem for each. */
export function ImportProblems(props: { failure: ImportFailure; columnLabel: (column: string) => string; testId: string }) {
  const { t } = useTranslation();
  const { list, total, error } = props.failure;
  return (
    <Alert
      type="error"
      showIcon
      data-testid={props.testId}
      message={total ? t('directory.problems', { count: total }) : error}
      description={
        list.length > 0 && (
          <Table<ImportProblem>
            size="small"
            rowKey={(p) => `${p.line}-${p.column}-${p.message}`}
            pagination={false}
            dataSource={list}
            columns={[
              { title: t('directory.line'), dataIndex: 'line', width: 80 },
              { title: t('directory.column'), dataIndex: 'column', width: 120, render: props.columnLabel },
              { title: t('directory.problem'), dataIndex: 'message', render: (m: string) => tError(m) },
            ]}
          />
        )
      }
    />
  );
}
