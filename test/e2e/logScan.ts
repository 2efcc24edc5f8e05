import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where startDeskServer lists the data folders of this run, for the personal-data check of their logs. */
export const DATA_DIRS_FILE = new URL('../../test-results/e2e-data-dirs.txt', import.meta.url).pathname;

export function rememberDataDir(dir: string): void {
  mkdirSync(dirname(DATA_DIRS_FILE), { recursive: true });
  appendFileSync(DATA_DIRS_FILE, `${dir}\n`);
}

export function forgetDataDirs(): void {
  rmSync(DATA_DIRS_FILE, { force: true });
}

/**
 * What in a desk's log files looks like personal data: Chinese text (names, addresses, reasons), an
 * 11-digit mobile number, an 18-character ID number, or one of `known` (what the specs typed). A run of
 * digits inside an id (hex) is not one: the patterns stop at hex characters on both sides.
 */
export function personalDataInLogs(dataDirs: string[], known: string[]): { files: number; findings: string[] } {
  const patterns: [string, RegExp][] = [
    ['Chinese text', /[\u4E00-\u9FFF]/],
    ['mobile number', /(?<![0-9A-Fa-f])1[3-9]\d{9}(?![0-9A-Fa-f])/],
    ['ID number', /(?<![0-9A-Fa-f])\d{17}[\dXx](?![0-9A-Za-z])/],
  ];
  let files = 0;
  const findings: string[] = [];
  for (const dir of dataDirs) {
    const logs = join(dir, 'logs');
    if (!existsSync(logs)) continue;
    for (const name of readdirSync(logs)) {
      files++;
      readFileSync(join(logs, name), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const [what, re] of patterns) if (re.test(line)) findings.push(`${logs}/${name}:${i + 1} ${what}`);
          for (const k of known) if (line.includes(k)) findings.push(`${logs}/${name}:${i + 1} "${k}"`);
        });
    }
  }
  return { files, findings };
}

export function rememberedDataDirs(): string[] {
  return existsSync(DATA_DIRS_FILE) ? readFileSync(DATA_DIRS_FILE, 'utf8').split('\n').filter(Boolean) : [];
}
