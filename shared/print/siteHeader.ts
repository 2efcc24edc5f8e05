import { esc } from './html.js';
import { printT, type PrintLocale } from '../i18n/print.js';

/** Who issues a document, under its site name: the site's details as an admin set them in 设置. */
export interface Issuer {
  companyName: string;
  address: string;
  phone: string;
}

/** The company's legal name, its address and its phone, one line each; nothing for details not set. */
export function issuerLines(issuer: Issuer | undefined, locale: PrintLocale): string {
  if (!issuer) return '';
  return [issuer.companyName, issuer.address, issuer.phone ? `${printT(locale)('site.tel')} ${issuer.phone}` : '']
    .filter(Boolean)
    .map((line) => `<div class="issuer">${esc(line)}</div>`)
    .join('');
}
