import { useEffect, useRef, useState } from 'react';
import { Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HostMatch } from '../../../../shared/api/schemas';
import { run } from '../../api/useDesk';
import { focusNextField } from '../../forms/keyboard';

export function hostLabel(h: HostMatch): string {
  return [h.unitCode, h.company && h.company !== h.name ? `${h.company} ${h.name}` : h.name].join(' ');
}

/** Whom the visitor visits: search by unit, room number, name, pinyin initials or phone digits. */
export function HostPicker(props: {
  value?: string;
  onChange: (occupantId: string | undefined, match: HostMatch | null) => void;
  onBlur?: () => void;
  selected?: HostMatch | null;
  status?: 'error';
  id?: string;
}) {
  const { t } = useTranslation();
  const [found, setFound] = useState<HostMatch[]>([]);
  const [searching, setSearching] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const ticket = useRef(0);

  // The chosen host stays among the options so its label shows after a new search.
  const selected = props.selected;
  const options = selected && !found.some((x) => x.occupantId === selected.occupantId) ? [selected, ...found] : found;
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  /** Set by Enter in the search box, cleared when the list picks an option itself. */
  const enterPending = useRef(false);

  // Picking a host is the answer to this field: move on, as Enter does elsewhere. The list hands
  // focus back to its own input as it closes — later on a busy PC — so check again once it has.
  // Once focus goes anywhere else (the form moved on by itself, the next scan began), leave it be:
  // a late second step would pull the cursor out of the field the receptionist is typing in.
  const moveOn = (input: HTMLElement | null) => {
    if (!input) return;
    let movedTo: Element | null = null;
    let cancelled = false;
    const watch = (e: FocusEvent) => {
      if (e.target !== input && e.target !== movedTo) cancelled = true;
    };
    const step = () => {
      const here = document.activeElement;
      if (cancelled || (here !== input && here !== document.body)) return;
      document.removeEventListener('focusin', watch);
      focusNextField(input);
      movedTo = document.activeElement;
      document.addEventListener('focusin', watch);
    };
    document.addEventListener('focusin', watch);
    setTimeout(step, 0);
    setTimeout(() => {
      step();
      document.removeEventListener('focusin', watch);
    }, 150);
  };

  const search = (q: string) => {
    clearTimeout(timer.current);
    if (!q.trim()) return;
    timer.current = setTimeout(async () => {
      const mine = ++ticket.current;
      setSearching(true);
      const r = await run('directory:search', { q, limit: 20 });
      if (mine !== ticket.current) return;
      setSearching(false);
      if (r.ok) setFound(r.value);
    }, 120);
  };

  return (
    <Select
      id={props.id}
      data-testid="host-select"
      showSearch
      allowClear
      status={props.status}
      value={props.value || undefined}
      placeholder={t('visit.hostHint')}
      filterOption={false}
      onSearch={search}
      onChange={(v: string | undefined) => props.onChange(v, options.find((o) => o.occupantId === v) ?? null)}
      onSelect={() => {
        enterPending.current = false;
        moveOn(document.activeElement as HTMLElement | null);
      }}
      onInputKeyDown={(e) => {
        const input = e.currentTarget as HTMLInputElement;
        if (e.key !== 'Enter' || !input.value.trim()) return;
        // A fast typist's Enter can land while the next search's results replace the list and no
        // option is active yet; the list then ignores it. Enter still means "the first match".
        enterPending.current = true;
        setTimeout(() => {
          const first = latest.current[0];
          if (!enterPending.current || !first) return;
          enterPending.current = false;
          props.onChange(first.occupantId, first);
          moveOn(input);
        }, 0);
      }}
      onBlur={props.onBlur}
      loading={searching}
      notFoundContent={searching ? t('common.searching') : t('visit.hostNotFound')}
      defaultActiveFirstOption
      options={options.map((h) => ({
        value: h.occupantId,
        label: (
          <span data-testid="host-option">
            <b>{h.unitCode}</b> {h.company && h.company !== h.name ? `${h.company} · ${h.name}` : h.name}{' '}
            <Tag style={{ marginLeft: 4 }}>{t(`occupantRole.${h.role}`)}</Tag>
            <span style={{ color: '#888' }}>{h.phoneMasked}</span>
            {h.movedOutOn && (
              <Tag color="orange" style={{ marginLeft: 4 }}>
                {t('directory.movedOutTag', { date: h.movedOutOn })}
              </Tag>
            )}
          </span>
        ),
      }))}
    />
  );
}
