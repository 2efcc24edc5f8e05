import type ExcelJS from 'exceljs';
import { newWorkbook } from './excel.js';
import Papa from 'papaparse';
import { fieldError } from '../api/result.js';
import type { ImportProblem } from '../api/directoryRow.js';

/** A spreadsheet's rows as strings, with the 1-based line number each came from. */
export interface TableRow {
  line: number;
  cells: string[];
}

/**
 * Decodes CSV bytes: UTF-8 (with or without BOM), else GB18030 as Chinese Excel saves it. GB18030,
 * not GBK: GBK has no 4-byte sequences, so every CJK Extension B name (𠮷) would decode as U+FFFD.
 */
function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return String(value.result ?? '');
  }
  return String(value);
}

/** Reads a CSV or XLSX file (by name) into rows; the first row is the header. */
export async function readTableFile(fileName: string, bytes: Buffer): Promise<TableRow[]> {
  if (/\.xlsx$/i.test(fileName)) {
    const wb = await newWorkbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    if (!sheet) return [];
    const rows: TableRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
      rows.push({ line, cells });
    });
    return rows;
  }
  if (/\.(csv|txt)$/i.test(fileName)) {
    const parsed = Papa.parse<string[]>(decodeText(bytes), { skipEmptyLines: false });
    return parsed.data
      .map((cells, i) => ({ line: i + 1, cells: cells.map((c) => String(c ?? '')) }))
      .filter((r) => r.cells.some((c) => c.trim() !== ''));
  }
  throw new Error('unsupported file type');
}

/**
 * An import file's rows as records keyed by the columns its header names (`columnOf` resolves the
 * Chinese or English aliases), each with its line. `columns` is null when the file has no header row.
 * A file that is neither CSV nor XLSX is a message at the file field.
 */
export async function readRecords<C extends string>(
  fileName: string,
  bytes: Buffer,
  columnOf: (header: string) => C | undefined,
) {
  let table;
  try {
    table = await readTableFile(fileName, bytes);
  } catch {
    throw fieldError('fileName', 'err.import.fileType');
  }
  const [header, ...rows] = table;
  const columns = header ? header.cells.map(columnOf) : null;
  const records = rows.map((row) => {
    const record: Partial<Record<C, string>> = {};
    columns?.forEach((col, i) => {
      if (col) record[col] = row.cells[i] ?? '';
    });
    return { line: row.line, record };
  });
  return { columns, records };
}

/** A row's schema issues as import problems at its line. */
export const rowProblems = (line: number, issues: readonly { path: PropertyKey[]; message: string }[]): ImportProblem[] =>
  issues.map((issue) => ({ line, column: String(issue.path[0] ?? ''), message: issue.message }));
