import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HostMatch } from '../../../../shared/api/schemas';
import { run } from '../../api/useDesk';
import { focusNextField } from '../../forms/keyboard';
import { decideEnter, offeredMatches, searchQuery, type HostSearchAnswer } from './hostPick';

export function hostLabel(h: HostMatch): string {
  return [h.unitCode, h.company && h.company !== h.name ? `${h.company} ${h.name}` : h.name].join(' ');
}

const DEBOUNCE_MS = 120;

// Picking a host is the answer to this field: move on, as Enter does elsewhere. A pick by the list
// (a click) has the list hand focus back to its own input as it closes — later on a busy PC — so
// check again once it has. A pick by Enter is this field's own and moves once: a late second step
// would pull the cursor out of this field when the receptionist came straight back to it.
// Once focus goes anywhere else (the form moved on by itself, the next scan began), leave it be.
function moveOn(input: HTMLElement | null, byList: boolean) {
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
  if (!byList) {
    setTimeout(() => document.removeEventListener('focusin', watch), 0);
    return;
  }
  setTimeout(() => {
    step();
    document.removeEventListener('focusin', watch);
  }, 150);
}

function HostOption({ h }: { h: HostMatch }) {
  const { t } = useTranslation();
  return (
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
  );
}

/**
 * Whom the visitor visits (or whose account, parcel, pass, ticket): search by unit, room number,
 * name, pinyin initials or phone digits. A pick only ever comes from the answer to exactly the text
 * in the field (see hostPick.ts): Enter before that answer is in waits for it.
 */
export function HostPicker(props: {
  value?: string;
  onChange: (occupantId: string | undefined, match: HostMatch | null) => void;
  onBlur?: () => void;
  selected?: HostMatch | null;
  status?: 'error';
  id?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<HostSearchAnswer<HostMatch> | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const textRef = useRef('');
  const answerRef = useRef<HostSearchAnswer<HostMatch> | null>(null);
  const activeRef = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  /** The text an Enter is waiting on, with the field it was pressed in. */
  const waiting = useRef<{ query: string; input: HTMLElement } | null>(null);
  const onChangeRef = useRef(props.onChange);
  useEffect(() => {
    onChangeRef.current = props.onChange;
  });
  useEffect(() => () => clearTimeout(timer.current), []);

  const pick = (match: HostMatch, input: HTMLElement | null, byList = false) => {
    onSearch('');
    onChangeRef.current(match.occupantId, match);
    moveOn(input, byList);
  };

  const settle = (input: HTMLElement) => {
    const d = decideEnter(textRef.current, answerRef.current, activeRef.current);
    if (d.kind === 'wait') {
      waiting.current = { query: d.query, input };
      return;
    }
    waiting.current = null;
    if (d.kind === 'pick') pick(d.match, input);
    else if (d.kind === 'none') setNotice(t('visit.hostNoMatch', { q: d.query }));
  };

  const ask = async (q: string) => {
    const r = await run('directory:search', { q, limit: 20 });
    // An answer to a text no longer in the field is dropped: it may never be offered.
    if (!r.ok || searchQuery(textRef.current) !== q) return;
    answerRef.current = { query: q, matches: r.value };
    setAnswer(answerRef.current);
    const w = waiting.current;
    if (w && w.query === q) settle(w.input);
  };

  const onSearch = (raw: string) => {
    clearTimeout(timer.current);
    textRef.current = raw;
    setText(raw);
    setNotice(null);
    activeRef.current = null;
    waiting.current = null;
    const q = searchQuery(raw);
    if (q) timer.current = setTimeout(() => void ask(q), DEBOUNCE_MS);
  };

  const onInputKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.nativeEvent.isComposing) return;
    const input = e.currentTarget as HTMLInputElement;
    // The list never picks on its own: its Enter could act on what it showed a moment ago.
    e.preventDefault();
    e.stopPropagation();
    if (!searchQuery(textRef.current)) {
      if (props.value) moveOn(input, false);
      return;
    }
    // The search still waiting on its debounce goes out now rather than later.
    if (!answerRef.current || answerRef.current.query !== searchQuery(textRef.current)) {
      clearTimeout(timer.current);
      void ask(searchQuery(textRef.current));
    }
    settle(input);
  };

  const offered = offeredMatches(text, answer);
  const selected = props.selected && props.selected.occupantId === props.value ? props.selected : null;
  // While a new search is typed the earlier pick is not the list's value, so it is never
  // highlighted or offered first; it shows again when the field is left without a new pick.
  const value = text || !props.value ? undefined : { value: props.value, label: selected ? hostLabel(selected) : props.value };
  const pending = !!searchQuery(text) && !offered;

  return (
    <Select
      id={props.id}
      data-testid="host-select"
      showSearch
      allowClear
      labelInValue
      status={props.status ?? (notice ? 'error' : undefined)}
      value={value}
      // The list is open only while a search is typed: after a pick, or with the field empty, no
      // empty list is left hanging over the form.
      open={!!searchQuery(text)}
      placeholder={t('visit.hostHint')}
      filterOption={false}
      searchValue={text}
      onSearch={onSearch}
      onActive={(v: unknown) => {
        activeRef.current = typeof v === 'string' ? v : null;
      }}
      onSelect={(v: { value: string }) => {
        // A click (or Tab) on an option: the options are only ever this text's matches.
        const match = offered?.find((o) => o.occupantId === v.value);
        if (match) pick(match, document.activeElement as HTMLElement | null, true);
      }}
      onClear={() => onChangeRef.current(undefined, null)}
      onInputKeyDown={onInputKeyDown}
      onBlur={() => {
        waiting.current = null;
        onSearch('');
        props.onBlur?.();
      }}
      loading={pending}
      notFoundContent={
        // Right under the field: Enter found nobody for this text, and nobody was picked.
        notice ? (
          <Typography.Text type="danger" data-testid="host-notice">
            {notice}
          </Typography.Text>
        ) : pending ? (
          t('common.searching')
        ) : searchQuery(text) ? (
          t('visit.hostNotFound')
        ) : null
      }
      defaultActiveFirstOption
      options={(offered ?? []).map((h) => ({ value: h.occupantId, label: <HostOption h={h} /> }))}
    />
  );
}
