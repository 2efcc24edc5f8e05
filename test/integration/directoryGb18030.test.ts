import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInInput, openTestDesk, type TestDesk } from '../support/desk.js';
import { pdfFileText } from '../support/pdf.js';
import { expectFieldError, snapshot } from './helpers.js';

const FIXTURE = readFileSync(join(import.meta.dirname, 'fixtures', 'directory-gb18030.csv'));
const HEADER = '单元,楼栋,面积,姓名,电话,身份,公司';

/** A CSV as Chinese Excel saves it (GB18030), through the same iconv a user's machine would use. */
const gb18030 = (text: string) => execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text });

/** The PDF's text (pdftotext) and its embedded fonts (pdffonts), as a reader and a printer see them. */
function readPdf(base64: string) {
  const dir = mkdtempSync(join(tmpdir(), 'lobbydesk-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, Buffer.from(base64, 'base64'));
    return { text: pdfFileText(file), fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('directory import of GB18030 files (CJK Extension B names)', () => {
  let desk: TestDesk;
  beforeEach(async () => {
    desk = await openTestDesk();
  });
  afterEach(() => desk.close());

  const importBytes = (bytes: Buffer, fileName = 'directory.csv') =>
    desk.call('directory:import', { fileName, contentBase64: bytes.toString('base64') });

  it('a GB18030 file keeps 𠮷 and 𩸽 (4-byte sequences) and a switchboard extension written -801', async () => {
    expect(FIXTURE.includes(Buffer.from([0x95, 0x34, 0xb2, 0x35]))).toBe(true); // 𠮷 as GB18030 bytes
    const r = await importBytes(FIXTURE);
    expect(r).toMatchObject({ ok: true, value: { units: 2, occupants: 2, created: 2 } });
    const [yoshi] = await desk.ok('directory:search', { q: '𠮷野家' });
    expect(yoshi).toMatchObject({ name: '𠮷野家', unitCode: '7-1-101' });
    const [hokke] = await desk.ok('directory:search', { q: '7-1-102' });
    expect(hokke.name).toBe('𩸽田');
    const stored = desk.backend.database.raw.prepare('SELECT phone FROM occupants WHERE name = ?').get('𩸽田') as {
      phone: string;
    };
    expect(stored.phone).toBe('02155556666x801');
  });

  it('a visitor pass for the 𠮷野家 host prints 𠮷 in a font that has it', async () => {
    await importBytes(FIXTURE);
    const { printJobId } = await desk.ok(
      'visits:checkIn',
      await checkInInput(
        desk,
        { visitor: { name: '𠮷田', phone: '13700137000', idType: 'resident_id', idNumber: '11010519491231002X' } },
        '𠮷野家',
      ),
    );
    const { base64 } = await desk.ok('print:pdf', { jobId: printJobId! });
    const { text, fonts } = readPdf(base64);
    expect(text).toContain('𠮷野家');
    expect(text).toContain('𠮷田');
    expect(text).not.toContain('\uFFFD');
    expect(fonts).toMatch(/HanaMinB/);
  });

  it('rows whose characters were lost (U+FFFD, or ? where a CJK character stood) are listed and nothing is imported', async () => {
    const before = snapshot(desk);
    const bytes = Buffer.concat([
      gb18030(`${HEADER}\n7-1-101,7栋,88,𠮷野家,13900139001,业主,\n`), // lines 1–2: fine
      gb18030('7-1-103,7栋,70,'),
      Buffer.from([0x95, 0x34]), // line 3: half of a 4-byte character: decodes as U+FFFD
      gb18030(',13900139003,业主,\n'),
      gb18030('7-1-104,7栋,70,?野家,13900139004,业主,\n'), // 4: GBK's "?" for 𠮷
      gb18030('7-1-105,7栋,70,王?,13900139005,业主,\n'), // 5
      gb18030('7-1-106,7栋,70,李四,13900139006,公司,??科技有限公司\n'), // 6: company lost both characters
      gb18030('7-1-107,7栋,70,Who? Ltd,13900139007,公司,\n'), // 7: a Latin "?" is the name's own
    ]);
    const error = expectFieldError(await importBytes(bytes), 'fileName', 'err.import.rows');
    expect(error.details).toMatchObject({
      problems: [
        { line: 3, column: 'name', message: 'err.import.lostCharacter' },
        { line: 4, column: 'name', message: 'err.import.lostCharacter' },
        { line: 5, column: 'name', message: 'err.import.lostCharacter' },
        { line: 6, column: 'company', message: 'err.import.lostCharacter' },
      ],
    });
    expect(snapshot(desk)).toEqual(before);
    expect(await desk.ok('directory:search', { q: '野家' })).toEqual([]);
  });
});
