/**
 * Raw JSON from main → snapshot file → snapshot → verdicts, all in the renderer with src/shared
 * (flow evaluation never goes over IPC). Errors keep the ingest message, which names file and field.
 */
import { buildSnapshot, toSnapshotFile } from '../../shared/ingest';
import { evaluateEstate } from '../../shared/engine/evaluateEstate';
import type { EstateVerdict } from '../../shared/engine/verdict';
import type { Snapshot } from '../../shared/model/snapshot';
import type { SnapshotFile } from '../../shared/model/snapshotFile';
import { buildTree } from '../graph/buildGraph';
import type { GraphNode } from '../graph/types';

/** An estate ready to draw. */
export interface LoadedEstate {
  readonly name: string;
  readonly path?: string;
  readonly file: SnapshotFile;
  readonly snapshot: Snapshot;
  readonly verdict: EstateVerdict;
  readonly tree: Map<string, GraphNode>;
  /** Resources in the snapshot (for the collapsed-overview threshold). */
  readonly size: number;
}

/** Ingest and evaluate. */
export function loadEstate(content: unknown, name: string, path?: string): LoadedEstate {
  // toSnapshotFile accepts every input shape (ARM array, list response, Resource Graph, snapshot file).
  return fromSnapshotFile(toSnapshotFile(content, { fileName: name }), name, path);
}

/** Build from an already parsed snapshot file (e.g. a harvest result). */
export function fromSnapshotFile(file: SnapshotFile, name: string, path?: string): LoadedEstate {
  const snapshot = buildSnapshot(file);
  const verdict = evaluateEstate(snapshot);
  return { name, ...(path ? { path } : {}), file, snapshot, verdict, tree: buildTree(snapshot, verdict), size: file.resources.length };
}
