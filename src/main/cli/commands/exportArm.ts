/**
 * `vnetlens export-arm PROJECT [--out template.json] [--bicep main.bicep]`: the project's pending
 * edits as an ARM deployment template (and Bicep). Exit 0 written, 2 unusable project or edit.
 */
import type { Command } from 'commander';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { exportEdits } from '../../../shared/export/exportEdits';
import { ProjectError } from '../../../shared/project/parseProject';
import { writeFileAtomic } from '../../files/atomicWrite';
import { openProject, type OpenedProject } from '../../files/openProject';
import { EXIT_BAD_INPUT, EXIT_OK, UserError } from '../exitCodes';

interface ExportArmOptions {
  readonly out?: string;
  readonly bicep?: string;
}

export function registerExportArm(program: Command): void {
  program
    .command('export-arm')
    .description('Write the project\'s pending what-if edits as an ARM deployment template (2019-04-01 schema), optionally Bicep too.')
    .argument('<project>', 'a *.vnetlens.json project file')
    .option('--out <file>', 'template file to write (default: standard output)')
    .option('--bicep <file>', 'also write Bicep: this file, plus one module-<group>.bicep beside it per resource group when edits span several')
    .action(async (projectPath: string, opts: ExportArmOptions) => {
      process.exitCode = await runExportArm(projectPath, opts);
    });
}

/** Open a project for a CLI command, turning every problem into a UserError naming the file. */
export async function openProjectForCli(path: string): Promise<OpenedProject> {
  try {
    return await openProject(path);
  } catch (err) {
    if (err instanceof ProjectError || err instanceof Error) throw new UserError(err.message, EXIT_BAD_INPUT);
    throw err;
  }
}

async function write(path: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, text);
  } catch (err) {
    throw new UserError(`${path}: cannot write (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, EXIT_BAD_INPUT);
  }
}

/** The command's work, returning the exit code (exported for tests). */
export async function runExportArm(projectPath: string, opts: ExportArmOptions): Promise<number> {
  const { project, base } = await openProjectForCli(projectPath);
  const edits = project.edits.slice(0, project.cursor);
  const result = exportEdits(project.snapshot, base, edits);
  if ('error' in result) {
    const edit = edits[result.index];
    throw new UserError(`${projectPath}: edit ${result.index + 1} (${edit?.kind ?? '?'}) cannot be applied: ${result.error.field}: ${result.error.message}`, EXIT_BAD_INPUT);
  }
  if (!edits.length) process.stderr.write(`vnetlens: ${projectPath} has no pending edits; the template deploys nothing.\n`);
  for (const note of result.plan.notes) process.stderr.write(`vnetlens: note: ${note}\n`);
  const json = `${JSON.stringify(result.template, null, 2)}\n`;
  if (opts.out) await write(opts.out, json);
  else process.stdout.write(json);
  if (opts.bicep) {
    const dir = dirname(opts.bicep);
    for (const [name, text] of Object.entries(result.bicep)) await write(name === 'main.bicep' ? opts.bicep : join(dir, name), text);
  }
  return EXIT_OK;
}
