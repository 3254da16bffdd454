/** `vnetlens check <input>`: per-flow verdicts for every Azure ML compute in an estate. */
import type { Command } from 'commander';
import { UserError } from '../exitCodes';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .argument('<input>', 'ARM JSON dump, Resource Graph response or VNetLens snapshot')
    .action(() => {
      throw new UserError('check: not wired yet');
    });
}
