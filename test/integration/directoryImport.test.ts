import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSampleDirectory, openTestDesk, type TestDesk } from '../support/desk.js';
import { b64, expectFieldError, snapshot } from './helpers.js';

const HEADER = '单元,楼栋,面积,姓名,电话,身份,公司';

describe('directory import', () => {
  let desk: TestDesk;
  beforeEach(async () => {
    desk = await openTestDesk();
  });
  afterEach(() => desk.close());

  const importCsv = (lines: string[], fileName = 'directory.csv') =>
    desk.call('directory:import', { fileName, contentBase64: b64(lines.join('\n')) });

  it('imports units and occupants, found by name, pinyin initials, unit or phone ending', async () => {
    expect(await importSampleDirectory(desk)).toEqual({ units: 3, occupants: 4, created: 4, updated: 0 });
    expect(await desk.ok('directory:stats')).toEqual({ units: 3, occupants: 4 });
    const names = async (q: string) => (await desk.ok('directory:search', { q })).map((h) => h.name).sort();
    expect(await names('张三')).toEqual(['张三']);
    expect(await names('zs')).toEqual(['张三']);
    expect(await names('1-2-301')).toEqual(['张三', '李四']);
    expect(await names('8000')).toEqual(['张三']);
    expect(await names('华夏')).toEqual(['华夏科技有限公司']);
    const [host] = await desk.ok('directory:search', { q: '张三' });
    expect(host).toMatchObject({ unitCode: '1-2-301', role: 'owner', phoneMasked: '138****8000' });
  });

  it('a re-import updates occupants in place instead of duplicating them', async () => {
    await importSampleDirectory(desk);
    const [before] = await desk.ok('directory:search', { q: '张三' });
    const r = await desk.ok('directory:import', {
      fileName: 'update.csv',
      contentBase64: b64([HEADER, '1-2-301,1栋,89.5,张三,13811112222,业主,', '3-1-101,3栋,60,周九,13622223333,租户,'].join('\n')),
    });
    expect(r).toEqual({ units: 2, occupants: 2, created: 1, updated: 1 });
    expect(await desk.ok('directory:stats')).toEqual({ units: 4, occupants: 5 });
    const [after] = await desk.ok('directory:search', { q: '张三' });
    expect(after.occupantId).toBe(before.occupantId);
    expect(after.phoneMasked).toBe('138****2222');
  });

  it('bad rows are listed with their line numbers and nothing is imported', async () => {
    await importSampleDirectory(desk);
    const before = snapshot(desk);
    const r = await importCsv([
      HEADER, // line 1
      '5-1-101,5栋,89.5,新住户,13800138111,业主,', // 2: fine, but must not be imported either
      ',1栋,50,无房号,13800138001,业主,', // 3: unit missing
      '5-1-102,5栋,-5,负面积,13800138002,业主,', // 4: area
      '', // 5: blank line, skipped
      '5-1-103,5栋,70,王五,12345,业主,', // 6: phone
      '5-1-104,5栋,70,赵六,13800138003,房东,', // 7: role
      '5-1-105,5栋,70,,,,', // 8: neither name nor company
      '5-1-101,5栋,89.5,新住户,13800138999,业主,', // 9: same person twice
    ]);
    const error = expectFieldError(r, 'fileName', 'err.import.rows');
    expect(error.details).toEqual({
      total: 6,
      problems: [
        { line: 3, column: 'unit', message: 'err.import.unitRequired' },
        { line: 4, column: 'area', message: 'err.import.area' },
        { line: 6, column: 'phone', message: 'err.phone.format' },
        { line: 7, column: 'role', message: 'err.import.role' },
        { line: 8, column: 'name', message: 'err.import.nameRequired' },
        { line: 9, column: 'name', message: 'err.import.duplicate' },
      ],
    });
    expect(snapshot(desk)).toEqual(before);
    expect(await desk.ok('directory:search', { q: '新住户' })).toEqual([]);
  });

  it('a file that is not a directory is refused at the file field and nothing is imported', async () => {
    const before = snapshot(desk);
    expectFieldError(await importCsv(['房间,住户', '101,张三']), 'fileName', 'err.import.header');
    expectFieldError(await importCsv([HEADER]), 'fileName', 'err.import.empty');
    expectFieldError(
      await importCsv([HEADER, '1-1-101,1栋,50,张三,13800138000,业主,'], 'directory.pdf'),
      'fileName',
      'err.import.fileType',
    );
    expectFieldError(
      await desk.call('directory:import', { fileName: 'x.xlsx', contentBase64: b64('not a workbook') }),
      'fileName',
      'err.import.fileType',
    );
    expectFieldError(
      await desk.call('directory:import', { fileName: 'x.csv', contentBase64: '' }),
      'contentBase64',
      'err.required',
    );
    expectFieldError(
      await desk.call('directory:import', { fileName: '', contentBase64: b64(HEADER) }),
      'fileName',
      'err.required',
    );
    expect(snapshot(desk)).toEqual(before);
  });
});
