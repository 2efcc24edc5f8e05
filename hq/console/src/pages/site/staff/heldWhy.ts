import type { TFunction } from 'i18next';

/**
 * Why HQ holds a change, in the console's language. HQ stores it as the sentence the desk's sync list shows
 * (hq/src/store/holdRules.ts, English); each of its forms is said here by a key, the role in the desk's words.
 * A sentence this list does not know is shown as HQ wrote it.
 */
const FORMS: [RegExp, string][] = [
  [/^a change to a person whose creation is held/, 'creationHeld'],
  [/^creates an? (\w+)/, 'creates'],
  [/^enables a disabled account/, 'enables'],
  [/^sets another person's PIN/, 'setsPin'],
  [/^promotes to (\w+)/, 'promotes'],
  [/^changes another person's PIN/, 'changesOthersPin'],
  [/^changes the PIN of a person HQ does not know/, 'unknownPin'],
  [/^changes an? (\w+)'s PIN/, 'privilegedPin'],
];

export function heldWhy(why: string, t: TFunction): string {
  for (const [form, key] of FORMS) {
    const m = form.exec(why);
    if (m) return t(`staff.held.whyIs.${key}`, { role: m[1] ? t(`desk:role.${m[1]}`) : '' });
  }
  return why;
}
