import type { ConsoleInput, ConsoleOutput, ConsoleProcName } from '../../src/console/contract/index';
import type { ConsoleIssue, ConsoleResult } from '../../src/console/contract/errors';

/** A refused or failed console call: `message` is an i18n key, `issues` the fields that were wrong. */
export class ConsoleCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly issues: ConsoleIssue[] = [],
  ) {
    super(message);
  }
}

type Listener = () => void;
const signedOutListeners = new Set<Listener>();
/** Called when HQ says the session is gone (idle, expired, signed out elsewhere): the console shows sign-in. */
export const onSignedOut = (l: Listener) => {
  signedOutListeners.add(l);
  return () => void signedOutListeners.delete(l);
};

/** Calls one procedure of the console's contract; typed from it both ways. */
export async function call<K extends ConsoleProcName>(name: K, input: ConsoleInput<K>): Promise<ConsoleOutput<K>> {
  let body: ConsoleResult<ConsoleOutput<K>>;
  try {
    const res = await fetch(`/console/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
    body = (await res.json()) as ConsoleResult<ConsoleOutput<K>>;
  } catch {
    throw new ConsoleCallError('network', 'console.err.network');
  }
  if (body.ok) return body.value;
  if (body.error.code === 'unauthenticated' && name !== 'session.signIn') signedOutListeners.forEach((l) => l());
  throw new ConsoleCallError(body.error.code, body.error.message, body.error.issues);
}
