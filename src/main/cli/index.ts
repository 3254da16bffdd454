/** CLI entry (bundled to out/cli/vnetlens.cjs). Prints user errors plainly; never a stack trace for bad input. */
import { run } from './program';
import { UserError } from './exitCodes';

// `vnetlens check … | head`: the reader went away, so stop quietly; the exit code stays the verdict's.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

run(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UserError) {
    process.stderr.write(`vnetlens: ${err.message}\n`);
    process.exitCode = err.exitCode;
    return;
  }
  process.stderr.write(`vnetlens: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 70;
});
