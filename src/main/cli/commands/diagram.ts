/**
 * `vnetlens diagram PROJECT --format svg|drawio [--out FILE]`: the project's estate after its pending
 * edits, with the flow overlay (evaluated under the project's assumptions, as the app showed it), as
 * SVG or an editable draw.io file. Saved node positions win over the CLI's grid layout.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { resolveAssumptions } from '../../../shared/engine/assumptions';
import { evaluateEstate } from '../../../shared/engine/evaluateEstate';
import { diagramGraph } from '../../../shared/export/diagram/diagramGraph';
import type { DiagramLayout } from '../../../shared/export/diagram/diagramTypes';
import { toDrawio } from '../../../shared/export/diagram/drawio';
import { gridLayout } from '../../../shared/export/diagram/gridLayout';
import { toSvg } from '../../../shared/export/diagram/svg';
import { idKey } from '../../../shared/model';
import { applyEdits } from '../../../shared/whatif/applyEdit';
import { writeFileAtomic } from '../../files/atomicWrite';
import { EXIT_BAD_INPUT, EXIT_OK, UserError } from '../exitCodes';
import { openProjectForCli } from './exportArm';

interface DiagramOptions {
  readonly format: 'svg' | 'drawio';
  readonly out?: string;
}

export function registerDiagram(program: Command): void {
  program
    .command('diagram')
    .description('Draw the project\'s estate (after its pending edits) with the flow overlay, as SVG or draw.io.')
    .argument('<project>', 'a *.vnetlens.json project file')
    .addOption(new Option('--format <format>', 'output format').choices(['svg', 'drawio']).makeOptionMandatory())
    .option('--out <file>', 'file to write (default: standard output)')
    .action(async (projectPath: string, opts: DiagramOptions) => {
      process.exitCode = await runDiagram(projectPath, opts);
    });
}

/** Saved positions (by node id, any id casing) replace the grid layout's. */
function withSavedPositions(layout: DiagramLayout, positions: Readonly<Record<string, { x: number; y: number }>> | undefined): DiagramLayout {
  if (!positions) return layout;
  const saved = new Map(Object.entries(positions).map(([k, v]) => [idKey(k), v]));
  return { ...layout, nodes: layout.nodes.map((n) => ({ ...n, ...(saved.get(idKey(n.id)) ?? {}) })) };
}

/** The command's work, returning the exit code (exported for tests). */
export async function runDiagram(projectPath: string, opts: DiagramOptions): Promise<number> {
  const { project, base } = await openProjectForCli(projectPath);
  const applied = applyEdits(base, project.edits.slice(0, project.cursor));
  if ('error' in applied) throw new UserError(`${projectPath}: edit ${applied.index + 1} cannot be applied: ${applied.error.field}: ${applied.error.message}`, EXIT_BAD_INPUT);
  let assumptions;
  try {
    assumptions = resolveAssumptions(project.assumptions ?? {});
  } catch (err) {
    throw new UserError(`${projectPath}: assumptions: ${(err as Error).message}`, EXIT_BAD_INPUT);
  }
  const verdict = evaluateEstate(applied.snapshot, assumptions);
  const title = projectPath.replace(/^.*[\\/]/, '').replace(/\.vnetlens\.json$/i, '');
  const layout = withSavedPositions(gridLayout(diagramGraph(applied.snapshot, verdict), title), project.view.positions);
  const text = opts.format === 'svg' ? toSvg(layout) : toDrawio(layout);
  if (!opts.out) {
    process.stdout.write(text);
    return EXIT_OK;
  }
  try {
    await mkdir(dirname(opts.out), { recursive: true });
    await writeFileAtomic(opts.out, text);
  } catch (err) {
    throw new UserError(`${opts.out}: cannot write (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, EXIT_BAD_INPUT);
  }
  return EXIT_OK;
}
