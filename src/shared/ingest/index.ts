/** Ingest: ARM JSON (GET, list, Resource Graph, snapshot files) → the immutable Snapshot. */
export { IngestError } from './ingestError';
export { parseJsonText } from './parseJsonText';
export { toSnapshotFile, ingest } from './ingest';
export { buildSnapshot, type BuildSnapshotOptions } from './buildSnapshot';
export { typeFromId } from './typeFromId';
