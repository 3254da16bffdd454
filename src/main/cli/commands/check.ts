/**
 * `vnetlens check <input> [--format table|json|sarif] [--service-tags FILE] [--assume id=value…]`:
 * per-flow verdicts for every Azure ML compute. Exit 0 clean, 1 findings, 2 unusable input
 * (issue 2 §5) — pipelines branch on these.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { resolveAssumptions } from '../../../shared/engine/assumptions';
import { evaluateEstate, hasFindings } from '../../../shared/engine/evaluateEstate';
import { formatTable, toCheckJson, toSarif } from '../../../shared/report';
import { EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, UserError } from '../exitCodes';
import { loadServiceTags, loadSnapshot, parseAssumeFlags } from '../loadInput';

interface CheckOptions {
  readonly format: 'table' | 'json' | 'sarif';
  readonly serviceTags?: string;
  readonly assume: string[];
  readonly color?: boolean;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('Evaluate every flow each Azure ML compute needs; exit 0 clean, 1 findings, 2 unusable input.')
    .argument('<input>', 'ARM JSON dump (array, {value}, Resource Graph {data}) or VNetLens snapshot; - for stdin')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'sarif']).default('table'))
    .option('--service-tags <file>', 'Service Tags JSON (the public download format) to decide CIDR rules against tags')
    .option('--assume <id=value>', 'override a named assumption (repeatable); see the assumptions list in any report', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--no-color', 'no ANSI colour in the table')
    .action(async (input: string, opts: CheckOptions) => {
      process.exitCode = await runCheck(input, opts);
    });
}

/** The command's work, returning the exit code (exported for tests). */
export async function runCheck(input: string, opts: CheckOptions): Promise<number> {
  const serviceTags = opts.serviceTags ? await loadServiceTags(opts.serviceTags) : undefined;
  const snapshot = await loadSnapshot(input, serviceTags);
  let assumptions;
  try {
    assumptions = resolveAssumptions(parseAssumeFlags(opts.assume));
  } catch (err) {
    throw new UserError(`--assume: ${(err as Error).message}`, EXIT_BAD_INPUT);
  }
  for (const w of snapshot.warnings) {
    process.stderr.write(`vnetlens: warning [${w.code}] ${w.message}${w.path ? ` (${w.path})` : ''}\n`);
  }
  const verdict = evaluateEstate(snapshot, assumptions);
  if (opts.format === 'json') {
    process.stdout.write(`${JSON.stringify(toCheckJson(verdict), null, 2)}\n`);
  } else if (opts.format === 'sarif') {
    process.stdout.write(`${JSON.stringify(toSarif(verdict, { inputUri: input === '-' ? 'stdin' : input }), null, 2)}\n`);
  } else {
    const color = opts.color !== false && !!process.stdout.isTTY && !process.env.NO_COLOR;
    process.stdout.write(formatTable(verdict, { color, width: process.stdout.columns || 100 }));
  }
  return hasFindings(verdict) ? EXIT_FINDINGS : EXIT_OK;
}
