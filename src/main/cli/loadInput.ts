/**
 * Reading CLI inputs: a file (or stdin) of ARM JSON / snapshot, an optional service-tags file.
 * Every failure becomes a UserError (exit 2) that names the file and, for bad JSON, the JSON path.
 */
import { readFile } from 'node:fs/promises';
import { buildSnapshot, IngestError, parseJsonText, toSnapshotFile } from '../../shared/ingest';
import type { ServiceTagData, Snapshot } from '../../shared/model';
import { parseServiceTags } from '../../shared/servicetags/serviceTagData';
import { EXIT_BAD_INPUT, UserError } from './exitCodes';

async function readText(path: string): Promise<string> {
  try {
    if (path === '-') {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    }
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(`${path}: cannot read the file (${code ?? (err as Error).message})`, EXIT_BAD_INPUT);
  }
}

function asUserError(err: unknown): never {
  if (err instanceof IngestError) throw new UserError(err.message, EXIT_BAD_INPUT);
  throw err;
}

/** Read and normalize an estate; `serviceTags` overrides any the snapshot carries. */
export async function loadSnapshot(path: string, serviceTags?: ServiceTagData): Promise<Snapshot> {
  const fileName = path === '-' ? 'stdin' : path;
  const text = await readText(path);
  try {
    const file = toSnapshotFile(parseJsonText(text, fileName), { fileName });
    return buildSnapshot(file, { fileName, ...(serviceTags ? { serviceTags } : {}) });
  } catch (err) {
    return asUserError(err);
  }
}

/** Read a Service Tags file (public download or Discovery API format). */
export async function loadServiceTags(path: string): Promise<ServiceTagData> {
  const text = await readText(path);
  try {
    return parseServiceTags(parseJsonText(text, path), path, path);
  } catch (err) {
    return asUserError(err);
  }
}

/** `--assume a=b` flags → a record; a flag without `=` is a usage error. */
export function parseAssumeFlags(flags: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of flags) {
    const i = f.indexOf('=');
    if (i <= 0) throw new UserError(`--assume takes id=value, not "${f}"`, EXIT_BAD_INPUT);
    out[f.slice(0, i).trim()] = f.slice(i + 1).trim();
  }
  return out;
}
