/** A harvest that cannot produce a snapshot at all, with a kind the CLI maps to an exit code. */
export type HarvestErrorKind = 'badRequest' | 'signIn' | 'noSubscription' | 'cancelled';

/** Thrown by harvest()/listSubscriptions(); the message is for users and never holds a secret. */
export class HarvestError extends Error {
  constructor(message: string, readonly kind: HarvestErrorKind) {
    super(message);
    this.name = 'HarvestError';
  }
}
