import type { z } from 'zod';

/** A handler's value does not match its procedure's declared output: a bug in the handler or the schema. */
export class OutputMismatch extends Error {
  constructor(
    readonly procedure: string,
    readonly problems: string[],
  ) {
    super(`output of ${procedure} does not match its schema: ${problems.join('; ')}`);
    this.name = 'OutputMismatch';
  }
}

/**
 * Parses a handler's value with the procedure's output schema. A zod object drops keys it does not
 * declare, so a parse alone would pass a handler that returns an extra field (say a full ID number):
 * every key of the value that the parse dropped is a mismatch too. Throws OutputMismatch; returns nothing,
 * the caller sends the handler's own value on.
 */
export function checkOutput(procedure: string, schema: z.ZodType, value: unknown): void {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new OutputMismatch(
      procedure,
      parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`),
    );
  }
  const extra: string[] = [];
  extraKeys(value, parsed.data, '', extra);
  if (extra.length)
    throw new OutputMismatch(
      procedure,
      extra.slice(0, 5).map((p) => `${p}: not in the schema`),
    );
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function extraKeys(raw: unknown, parsed: unknown, path: string, out: string[]): void {
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    raw.forEach((item, i) => extraKeys(item, parsed[i], `${path}${path ? '.' : ''}${i}`, out));
    return;
  }
  if (!isPlainObject(raw) || !isPlainObject(parsed)) return;
  for (const [key, v] of Object.entries(raw)) {
    const at = `${path}${path ? '.' : ''}${key}`;
    if (!Object.hasOwn(parsed, key)) {
      // An undefined-valued key sends nothing over IPC or JSON: not an extra field.
      if (v !== undefined) out.push(at);
    } else extraKeys(v, parsed[key], at, out);
  }
}
