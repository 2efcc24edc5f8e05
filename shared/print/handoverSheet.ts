import { esc, page, type Layout } from './html.js';
import { printT, sectionTitle, type PrintLocale } from '../i18n/print.js';
import { fmtDateTime, fmtTime } from './format.js';
import type { HandoverSheet } from '../api/shiftSchemas.js';

/**
 * 交接班记录: what the outgoing shift handed over, section by section as the features contributed
 * them, with the outgoing signature and every acknowledgement. A4 for the binder, 80 mm for the roll.
 */
export function renderHandoverSheet(
  d: { siteName: string; sheet: HandoverSheet; copyNo: number },
  layout: Layout,
  locale: PrintLocale,
) {
  const t = printT(locale);
  const s = d.sheet;
  // Labels in the print language only: an English line under each would push the signatures off the page.
  const row = (key: 'shift' | 'opened' | 'closed' | 'outgoing' | 'incoming', value: string) =>
    `<tr><th>${esc(t(`labels.${key}`))}</th><td>${esc(value)}</td></tr>`;
  const item = (l: HandoverSheet['sections'][number]['lines'][number]) =>
    `<li${l.high ? ' class="high"' : ''}>${l.high ? `<b class="flag">${esc(t('labels.high'))}</b> ` : ''}${
      l.at ? `<span class="t">${esc(layout === 'roll80' ? fmtTime(l.at) : fmtDateTime(l.at))}</span> ` : ''
    }${l.tag ? `<span class="tag">[${esc(l.tag)}]</span> ` : ''}${esc(l.text)}${l.by ? ` <span class="by">— ${esc(l.by)}</span>` : ''}</li>`;
  const sections = s.sections
    .filter((sec) => sec.lines.length)
    .map(
      (sec) =>
        `<section><h2>${esc(sectionTitle(locale, sec.key))} <span class="n">(${sec.lines.length})</span></h2><ol>${sec.lines.map(item).join('')}</ol></section>`,
    )
    .join('');
  // Empty sections are one line together: each still says "nothing", none pushes the signatures off the page.
  const empty = s.sections.filter((sec) => !sec.lines.length).map((sec) => sectionTitle(locale, sec.key));
  const emptyLine = empty.length
    ? `<p class="empty"><b>${esc(t('labels.nothing'))}</b>${locale === 'en' ? ': ' : '：'}${esc(empty.join(locale === 'en' ? '; ' : '、'))}</p>`
    : '';
  const outgoing = s.outgoing
    ? `${s.outgoing.name} · ${t('labels.signedWithPin')} · ${fmtDateTime(s.outgoing.at)}`
    : t('labels.notSigned');
  const incoming = s.acknowledgements.length
    ? s.acknowledgements.map((a) => `${a.name} · ${t('labels.signedWithPin')} · ${fmtDateTime(a.at)}`).join('；')
    : t('labels.notYetAcknowledged');
  const body = `
<h1>${esc(t('labels.handoverSheet'))}</h1>
<div class="sub">${esc(d.siteName)} · ${esc(t('labels.desk'))} ${esc(s.deviceCode)}</div>
${d.copyNo > 0 ? `<div class="reprint">${esc(t('labels.reprint', { n: d.copyNo }))}</div>` : ''}
${s.abandoned ? `<div class="reprint">${esc(t('labels.leftOpen'))}</div>` : ''}
<div class="when">${esc(t('labels.shift'))} <b>${esc(s.patternCode)}</b> · ${esc(t('labels.opened'))} <b>${esc(fmtDateTime(s.openedAt))}</b> · ${esc(t('labels.closed'))} <b>${esc(fmtDateTime(s.closedAt))}</b></div>
${sections}
${emptyLine}
<section><h2>${esc(t('labels.handoverNote'))}</h2><p class="note">${esc(s.note || t('labels.nothing'))}</p></section>
<table class="kv sig">
${row('outgoing', outgoing)}
${row('incoming', incoming)}
</table>`;
  const css = `body { line-height: 1.25; } .when { text-align: center; margin-bottom: 1mm; }
h2 { font-size: 1.05em; margin: 2mm 0 0.5mm; border-bottom: 1px solid #000; }
h2 .n { font-weight: normal; }
ol { margin: 0; padding-left: 9mm; } li { margin: 0.2mm 0; word-break: break-all; }
li.high { font-weight: bold; } .flag { border: 1px solid #000; padding: 0 1mm; font-size: 0.8em; }
.t { font-family: "Consolas", "DejaVu Sans Mono", monospace; } .tag { font-weight: bold; } .by { color: #333; font-size: 0.9em; }
.none { margin: 0.5mm 0; color: #333; } .note { white-space: pre-wrap; margin: 0.5mm 0; }
table.sig { margin-top: 4mm; border-top: 1.5px solid #000; break-inside: avoid; }
p.empty { margin: 2mm 0 0; font-size: 0.9em; color: #333; }`;
  return page({
    title: `${t('labels.handoverSheet')} ${s.patternCode} ${fmtDateTime(s.openedAt)}`,
    layout,
    lang: locale,
    body,
    css,
  });
}
