import { useCallback, useMemo } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { ConsoleCallError } from '../api';
import i18n from '../i18n';

export type ConsoleForm<V extends FieldValues> = UseFormReturn<V, unknown, V> & {
  /**
   * Puts HQ's field issues on the form's fields (issue paths are the schema's paths) and returns the
   * sentence to show above the form for the rest.
   */
  serverErrors: (error: unknown) => string | null;
};

/**
 * react-hook-form validated by the procedure's own zod schema from the console contract, as the desk's
 * useSchemaForm is (renderer/src/forms): the form and HQ cannot disagree. Its own copy because the desk's
 * translates with the desk's i18n instance, which the console does not load.
 */
export function useConsoleForm<In extends FieldValues, Out>(
  schema: z.ZodType<Out, In> & { shape: object },
  options: { defaultValues: DefaultValues<In> },
): ConsoleForm<In> {
  const resolver = useMemo(() => zodResolver(schema, undefined, { raw: true }), [schema]);
  const form = useForm<In, unknown, In>({ resolver, defaultValues: options.defaultValues });
  const { setError } = form;
  const keys = useMemo(() => new Set(Object.keys(schema.shape)), [schema]);
  const serverErrors = useCallback(
    (error: unknown) => {
      if (!(error instanceof ConsoleCallError)) return i18n.t('console.err.internal');
      let placed = false;
      for (const issue of error.issues) {
        if (!keys.has(issue.path.split('.')[0]!)) continue;
        setError(issue.path as Path<In>, { type: 'server', message: issue.message });
        placed = true;
      }
      return placed ? null : i18n.t(error.message);
    },
    [keys, setError],
  );
  return { ...form, serverErrors };
}
