/** Exit codes are part of the CLI's contract (issue 2 §5): pipelines branch on them. */
export const EXIT_OK = 0;
/** A required flow is blocked or a check failed. */
export const EXIT_FINDINGS = 1;
/** Unusable input: unreadable or malformed file, bad flag. */
export const EXIT_BAD_INPUT = 2;

/** An error whose message is for the user (names the file/field); the CLI prints it without a stack. */
export class UserError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT_BAD_INPUT) {
    super(message);
    this.name = 'UserError';
  }
}
