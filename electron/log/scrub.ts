import { homedir } from 'node:os';

/**
 * Free text bound for a log line or a diagnostics package (an error's message and stack, HQ's last error):
 * what could be personal data is masked. Chinese text (a name, an address, a reason typed at the desk)
 * becomes "…"; a run of five or more digits, with or without spaces or dashes between them (an ID number,
 * a phone, a plate's number, a passport's) becomes "#"; an e-mail address "@"; the home folder "~" (its
 * name is often the person's). Log fields set by the code (ids, counts, codes) are not text and stay as they are.
 */
export function scrubText(text: string): string {
  const home = homedir();
  let out = home && home.length > 3 ? text.split(home).join('~') : text;
  out = out
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '@')
    .replace(/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]+/g, '…')
    .replace(/[A-Za-z]*\d(?:[\s-]?\d){4,}[A-Za-z]?/g, '#');
  return out.length > 800 ? `${out.slice(0, 800)}…` : out;
}
