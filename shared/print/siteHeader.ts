import { esc } from './html.js';
import type { PrintLocale } from './labels.js';

/** Who issues a document, under its site name: the site's details as an admin set them in 设置. */
export interface Issuer {
  companyName: string;
  address: string;
  phone: string;
}

const TEL: Record<PrintLocale, string> = { 'zh-Hans': '电话', 'zh-Hant': '電話', en: 'Tel' };

/** The company's legal name, its address and its phone, one line each; nothing for details not set. */
export function issuerLines(issuer: Issuer | undefined, locale: PrintLocale): string {
  if (!issuer) return '';
  return [issuer.companyName, issuer.address, issuer.phone ? `${TEL[locale]} ${issuer.phone}` : '']
    .filter(Boolean)
    .map((line) => `<div class="issuer">${esc(line)}</div>`)
    .join('');
}
