import { EXPORT_WORDS, wordFor } from '../../../../../shared/export/exportWords';
import { localeOf } from '../reports/reportFormat';

/**
 * A ticket's codes (kind, level, state, channel, deadline) in the user's language, by the desk's own words
 * (shared/export/exportWords.ts), so the console names a ticket as the site's desks do.
 */
export function ticketWords(language: string | undefined) {
  const X = EXPORT_WORDS[localeOf(language)];
  return {
    kind: (c: string) => wordFor(X.kind, c),
    channel: (c: string) => wordFor(X.channel, c),
    state: (c: string) => wordFor(X.state, c),
    deadline: (c: string) => wordFor(X.deadline, c),
    /** A complaint's severity or a repair's urgency; blank for the other kinds. */
    level: (t: { severity: string | null; urgency: string | null }) =>
      t.severity ? wordFor(X.severity, t.severity) : wordFor(X.urgency, t.urgency),
  };
}
