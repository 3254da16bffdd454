/** The ingest entry points other layers call: input JSON (text or value) → SnapshotFile / Snapshot. */
import type { ServiceTagData, Snapshot, SnapshotFile } from '../model';
import { buildFrom } from './buildSnapshot';
import { parseJsonText } from './parseJsonText';
import { inputPaths, readInput } from './readInput';

/** Any accepted input → the on-disk SnapshotFile form (raw ARM resources + provenance + serviceTags + missing + warnings). Detects: array of ARM resources; {value:[…]} ARM list; {data:[…]} or {data:{rows,columns}} Resource Graph; a VNetLens SnapshotFile (format 'vnetlens-snapshot', schemaVersion; newer schemaVersion → IngestError saying which version this build reads). */
export function toSnapshotFile(input: unknown, opts: { fileName: string }): SnapshotFile {
  const { file, pathOf } = readInput(input, opts.fileName);
  inputPaths.set(file, pathOf);
  return file;
}

/** Convenience: parse (when given JSON text) + detect + normalize; errors name paths in the user's own file. */
export function ingest(input: unknown, opts: { fileName: string; serviceTags?: ServiceTagData }): Snapshot {
  const value = typeof input === 'string' ? parseJsonText(input, opts.fileName) : input;
  const { file, pathOf } = readInput(value, opts.fileName);
  return buildFrom(file, pathOf, opts);
}
