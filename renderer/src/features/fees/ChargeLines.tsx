import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Checkbox } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProcOutput } from '../../../../shared/api/contract';
import { lineRows, toggleRow, type LineRow } from '../../../../shared/domain/chargeLines';
import { fmtYuan } from '../../../../shared/print/format';

type Charge = ProcOutput<'fees:account'>['charges'][number];

/**
 * What is paid, by month and line, as ONE focus stop (a listbox): ↑/↓ move, Space ticks the whole
 * month or one line, Enter hands over to the money fields. The checkboxes are for the mouse only
 * (tabIndex −1), so there is no second stop a Space could untick everything from (issue 12).
 */
export function ChargeLines(props: { due: Charge[]; chosen: string[]; onChange: (ids: string[]) => void; onDone: () => void }) {
  const { t } = useTranslation();
  const rows = useMemo(() => lineRows(props.due), [props.due]);
  const [active, setActive] = useState(0);
  const at = Math.min(active, rows.length - 1);
  const toggle = (row: LineRow<Charge>) => props.onChange(toggleRow(row, props.chosen));
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    list.current?.querySelector('.fee-line.active')?.scrollIntoView({ block: 'nearest' });
  }, [at]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const move = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: rows.length - 1 }[e.key];
    if (move !== undefined) setActive(Math.max(0, Math.min(rows.length - 1, move)));
    else if (e.key === ' ' && rows[at]) toggle(rows[at]);
    else if (e.key === 'Enter') props.onDone();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const state = (row: LineRow<Charge>) => {
    const ids = row.kind === 'month' ? row.lines.map((l) => l.chargeId) : [row.line.chargeId];
    const n = ids.filter((id) => props.chosen.includes(id)).length;
    return { checked: n === ids.length, indeterminate: n > 0 && n < ids.length };
  };

  return (
    <div
      ref={list}
      role="listbox"
      aria-multiselectable
      tabIndex={0}
      aria-activedescendant={rows[at] ? `fee-line-${rows[at].key}` : undefined}
      aria-label={t('fee.linesHint')}
      className="fee-lines"
      data-testid="fee-charges"
      onKeyDown={onKeyDown}
    >
      {rows.map((row, i) => {
        const s = state(row);
        const amountFen = row.kind === 'month' ? row.lines.reduce((n, l) => n + l.amountFen, 0) : row.line.amountFen;
        return (
          <div
            key={row.key}
            id={`fee-line-${row.key}`}
            role="option"
            aria-selected={s.checked}
            className={`fee-line fee-line-${row.kind}${i === at ? ' active' : ''}`}
            data-testid={row.kind === 'month' ? 'fee-month' : 'fee-line'}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              setActive(i);
              toggle(row);
              list.current?.focus();
            }}
          >
            <Checkbox tabIndex={-1} checked={s.checked} indeterminate={s.indeterminate} />
            <span className="fee-line-label">
              {row.kind === 'month' ? (
                <b>{t('fee.monthRow', { period: row.period, n: row.lines.length })}</b>
              ) : (
                lineLabel(t, row.line)
              )}
            </span>
            <span className="fee-line-amount" style={{ color: row.kind === 'line' && row.line.overdue ? '#c0392b' : undefined }}>
              {fmtYuan(amountFen)}
            </span>
          </div>
        );
      })}
      {rows.length === 0 && <div className="fee-line">{t('fee.none')}</div>}
    </div>
  );
}

function lineLabel(t: (k: string) => string, c: Charge): string {
  return `${t(`feeItem.${c.item}`)}${c.vacant ? ` · ${t('fee.vacant')}` : ''}${c.note ? ` · ${c.note}` : ''}`;
}
