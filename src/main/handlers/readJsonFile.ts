/** Reads a user-chosen JSON file with a size cap and an error message that names the file. */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { HandlerError } from './handlerError';
import type { OpenedFile } from '../../shared/ipc/contract';

const DEFAULT_MAX = 512 * 1024 * 1024;

/** Read and parse `path`; HandlerError('notFound' | 'badInput') on the usual user mistakes. */
export async function readJsonFile(path: string, maxBytes = DEFAULT_MAX): Promise<OpenedFile> {
  let size: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new HandlerError('badInput', `${path} is not a file`);
    size = st.size;
  } catch (err) {
    if (err instanceof HandlerError) throw err;
    throw new HandlerError('notFound', `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  if (size > maxBytes) throw new HandlerError('badInput', `${path} is ${size} bytes; the limit is ${maxBytes}`);
  const text = await readFile(path, 'utf8');
  try {
    return { name: basename(path), path, content: JSON.parse(text) as unknown };
  } catch (err) {
    throw new HandlerError('badInput', `${path} is not valid JSON: ${(err as Error).message}`);
  }
}
