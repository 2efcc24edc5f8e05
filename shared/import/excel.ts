import type ExcelJS from 'exceljs';

/**
 * A new workbook, exceljs loaded on first use: loading it costs about 1.8 s of CPU, which the desk paid at
 * every start before its first screen (docs/benchmarks.md, desk_ready_ms) for a file it writes a few times a
 * month.
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs');
  return new excel.Workbook();
}
