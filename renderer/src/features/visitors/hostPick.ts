/**
 * Which host a search-and-pick field may pick, decided from the text in the field and the last
 * answer it has. An answer carries the query it answers: a list answering another text (an earlier,
 * slower or not yet sent search) is never offered and never picked, so a fast Enter can only ever
 * pick a match of exactly what was typed.
 */
export interface HostSearchAnswer<T> {
  /** The search text as sent (trimmed). */
  query: string;
  matches: T[];
}

export type EnterDecision<T> =
  | { kind: 'empty' }
  /** No answer for this text yet (debounce or request in flight): wait for it. */
  | { kind: 'wait'; query: string }
  /** The answer for this text has no match: pick nothing and say so. */
  | { kind: 'none'; query: string }
  | { kind: 'pick'; match: T };

export const searchQuery = (fieldText: string): string => fieldText.trim();

/** The matches that answer exactly this field text, or null while there is no such answer. */
export function offeredMatches<T>(fieldText: string, answer: HostSearchAnswer<T> | null): T[] | null {
  const q = searchQuery(fieldText);
  if (!q || !answer || answer.query !== q) return null;
  return answer.matches;
}

/**
 * What Enter in the field means: the highlighted option when it is one of this text's matches
 * (arrow keys moved to it), else this text's first match; wait when the answer is not in yet.
 */
export function decideEnter<T extends { occupantId: string }>(
  fieldText: string,
  answer: HostSearchAnswer<T> | null,
  activeId: string | null,
): EnterDecision<T> {
  const q = searchQuery(fieldText);
  if (!q) return { kind: 'empty' };
  const offered = offeredMatches(fieldText, answer);
  if (!offered) return { kind: 'wait', query: q };
  const match = offered.find((m) => m.occupantId === activeId) ?? offered[0];
  return match ? { kind: 'pick', match } : { kind: 'none', query: q };
}
