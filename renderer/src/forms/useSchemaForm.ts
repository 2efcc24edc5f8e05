import { useCallback, useMemo } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { ApiError } from '../../../shared/api/result';
import { tError } from '../i18n';

/** The values a form holds: the procedure's own input type, taken from the contract. */
export type FormOf<S extends z.ZodObject> = z.input<S>;

export type SchemaForm<V extends FieldValues> = UseFormReturn<V, unknown, V> & {
  /** The values as the procedure takes them (`prepare` applied): what the submit handler sends. */
  toInput: (values: V) => V;
  /**
   * Puts the backend's field issues on the form's fields (the issue paths are the schema's paths) and
   * returns the sentence to show above the form when an issue belongs to no field of this form.
   */
  serverErrors: (error: ApiError) => string | null;
};

/**
 * react-hook-form validated by the procedure's own zod schema (an object of the contract in shared/api),
 * so the form and the backend can never disagree. The form's values are the schema's input type; the
 * submit handler gets them as typed (the backend parses them again). `prepare` is what the desk does to
 * the values before they are sent (e.g. drop a blank last line), applied before validation too. Fields
 * the form does not show (an approval asked for afterwards) are left out of the schema with `.omit`, so
 * an issue on them is shown above the form rather than on a field nobody sees.
 */
export function useSchemaForm<In extends FieldValues, Out>(
  schema: z.ZodType<Out, In> & { shape: object },
  options: { defaultValues: DefaultValues<In>; prepare?: (values: In) => In },
): SchemaForm<In> {
  const { prepare } = options;
  const resolver = useMemo(
    () => zodResolver(prepare ? z.custom<In>().overwrite(prepare).pipe(schema) : schema, undefined, { raw: true }),
    [schema, prepare],
  );
  const form = useForm<In, unknown, In>({ resolver, defaultValues: options.defaultValues });
  const { setError } = form;
  const keys = useMemo(() => new Set(Object.keys(schema.shape)), [schema]);
  const serverErrors = useCallback(
    (error: ApiError) => {
      let placed = false;
      for (const issue of error.issues ?? []) {
        if (!isPath<In>(issue.path, keys)) continue;
        setError(issue.path, { type: 'server', message: issue.message });
        placed = true;
      }
      return placed ? null : tError(error.message);
    },
    [keys, setError],
  );
  return { ...form, serverErrors, toInput: prepare ?? same };
}

const same = <V>(values: V) => values;

/** An issue path lands on a field of the form when it starts with one of the schema's keys. */
function isPath<V extends FieldValues>(path: string, keys: Set<string>): path is Path<V> {
  const [key = ''] = path.split('.');
  return keys.has(key);
}
