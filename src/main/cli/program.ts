/**
 * The `vnetlens` command line: one file per command under ./commands, each exporting a
 * `registerX(program)` function. Usage errors exit 2 like any other unusable input.
 */
import { Command, CommanderError } from 'commander';
import { registerCheck } from './commands/check';
import { registerDiagram } from './commands/diagram';
import { registerExportArm } from './commands/exportArm';
import { registerHarvest } from './commands/harvest';
import { registerServe } from './commands/serve';
import { EXIT_BAD_INPUT } from './exitCodes';

/** Build the program; `run` parses argv and sets process.exitCode. */
export function buildProgram(): Command {
  const program = new Command('vnetlens')
    .description('Will my Azure ML training compute work in this VNet? Flow-by-flow verdicts from Azure network configuration.')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  registerCheck(program);
  registerExportArm(program);
  registerDiagram(program);
  registerHarvest(program);
  registerServe(program);
  return program;
}

/** Entry point used by the bin; never throws. */
export async function run(argv: readonly string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version land here too, with exit code 0.
      process.exitCode = err.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
      return;
    }
    throw err;
  }
}
