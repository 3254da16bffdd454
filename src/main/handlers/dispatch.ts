/**
 * The checks every binding runs before a handler, in the order architecture.md asks for (channel,
 * then payload shape and size; the sender check is the binding's own job before calling this), and
 * the conversion of any outcome into a Result.
 */
import { invokeContract, isInvokeChannel } from '../../shared/ipc/contract';
import { fail, ok, type Result } from '../../shared/ipc/result';
import type { Handlers } from './createHandlers';
import { HandlerError } from './handlerError';

/** Run `channel` with an untrusted payload; never throws. */
export async function dispatch(handlers: Handlers, channel: string, payload: unknown): Promise<Result<unknown>> {
  if (!isInvokeChannel(channel)) return fail('notFound', `unknown channel ${channel}`);
  const parsed = invokeContract[channel].request.safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'request';
    return fail('badRequest', `${channel}: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  try {
    const run = handlers[channel] as (request: unknown) => Promise<unknown>;
    return ok(await run(parsed.data));
  } catch (err) {
    if (err instanceof HandlerError) return fail(err.code, err.message);
    return fail('internal', err instanceof Error ? err.message : String(err));
  }
}
