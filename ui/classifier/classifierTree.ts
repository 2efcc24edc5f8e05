import type { TFunction } from 'i18next';
import type { ClassifierTree } from '../../shared/api/ticketSchemas';

export type Tree = ClassifierTree;
/** react-hook-form's errors for the tree: they mirror the value's shape (zod's issue paths). */
export type TreeErrors = Record<string, unknown> | undefined;
/** Changes a copy of the tree and hands it to the form. */
export type TreeEdit = (mutate: (draft: Tree) => void) => void;

/** The message zod put at a path of the tree's errors, in words (`t` speaks the desk's words, where `err.*` are). */
export function errorAt(t: TFunction, errors: TreeErrors, path: (string | number)[]): string | undefined {
  let at: unknown = errors;
  for (const key of path) at = (at as Record<string | number, unknown> | undefined)?.[key];
  const message = (at as { message?: string } | undefined)?.message;
  if (!message) return undefined;
  return t(message);
}

export const errorStyle = { color: '#ff4d4f', fontSize: 12 } as const;
