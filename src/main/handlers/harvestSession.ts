/**
 * One harvest at a time per host: starting a second one while the first runs answers `busy`,
 * and `harvest:cancel` aborts the running one. Progress goes out as `harvest:progress` events, and
 * what a waiting sign-in asks of the user (device code, browser) as `harvest:signIn` events.
 */
import type { HarvestRequest, SignInPrompt, SubscriptionInfo } from '../../shared/harvest/types';
import type { SnapshotFile } from '../../shared/model/snapshotFile';
import type { Emit, HarvesterPort } from './deps';
import { HandlerError } from './handlerError';

/** The stateful part of the harvest channels. */
export interface HarvestSession {
  listSubscriptions(request: HarvestRequest): Promise<readonly SubscriptionInfo[]>;
  start(request: HarvestRequest): Promise<SnapshotFile>;
  /** True when a running harvest was told to stop. */
  cancel(): boolean;
}

function asHandlerError(err: unknown, signal: AbortSignal): HandlerError {
  if (err instanceof HandlerError) return err;
  if (signal.aborted) return new HandlerError('cancelled', 'harvest cancelled');
  return new HandlerError('badInput', err instanceof Error ? err.message : String(err));
}

/** Build the session around a harvester. */
export function harvestSession(harvester: HarvesterPort, emit: Emit): HarvestSession {
  let running: AbortController | undefined;
  const onSignIn = (p: SignInPrompt) => emit('harvest:signIn', p);
  return {
    async listSubscriptions(request) {
      const ctl = new AbortController();
      try {
        return await harvester.listSubscriptions(request, ctl.signal, onSignIn);
      } catch (err) {
        throw asHandlerError(err, ctl.signal);
      }
    },
    async start(request) {
      if (running) throw new HandlerError('busy', 'a harvest is already running');
      const ctl = new AbortController();
      running = ctl;
      try {
        return await harvester.harvest(request, (p) => emit('harvest:progress', p), ctl.signal, onSignIn);
      } catch (err) {
        throw asHandlerError(err, ctl.signal);
      } finally {
        running = undefined;
      }
    },
    cancel() {
      if (!running) return false;
      running.abort();
      return true;
    },
  };
}
