/**
 * Save an export: through main (`export:save`: native dialog in Electron) or, where main has no
 * dialog (browser mode answers `unsupported`), as a browser download. PNG travels as base64.
 */
import { getApi } from '../transport/api';
import { downloadBlob } from './download';

/** What happened, for the status line. */
export type SaveOutcome = { readonly kind: 'saved'; readonly path: string } | { readonly kind: 'downloaded'; readonly name: string } | { readonly kind: 'cancelled' };

/** A dialog's file-type filter. */
export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

/** One file to save. */
export interface ExportFile {
  readonly name: string;
  readonly mime: string;
  readonly filters: readonly FileFilter[];
  readonly content: string | Blob;
}

async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Save `file`; throws Error with main's message when main refuses. */
export async function saveExport(file: ExportFile): Promise<SaveOutcome> {
  const binary = typeof file.content !== 'string';
  const content = typeof file.content === 'string' ? file.content : await base64Of(file.content);
  const r = await getApi().invoke['export:save']({
    content, suggestedName: file.name, filters: file.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })), ...(binary ? { encoding: 'base64' as const } : {}),
  });
  if (r.ok) return r.value ? { kind: 'saved', path: r.value.path } : { kind: 'cancelled' };
  if (r.error.code !== 'unsupported') throw new Error(r.error.message);
  downloadBlob(typeof file.content === 'string' ? new Blob([file.content], { type: file.mime }) : file.content, file.name);
  return { kind: 'downloaded', name: file.name };
}

/** "Saved to …" / "Downloaded …". */
export function describeOutcome(what: string, o: SaveOutcome): string | undefined {
  if (o.kind === 'cancelled') return undefined;
  return o.kind === 'saved' ? `${what} saved to ${o.path}` : `${what} downloaded as ${o.name}`;
}
