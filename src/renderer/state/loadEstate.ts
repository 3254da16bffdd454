/**
 * Raw JSON from main → snapshot file → snapshot → verdicts, all in the renderer with src/shared
 * (flow evaluation never goes over IPC). Errors keep the ingest message, which names file and field.
 */
import { buildSnapshot, toSnapshotFile } from '../../shared/ingest';
import type { EstateVerdict } from '../../shared/engine/verdict';
import type { Snapshot } from '../../shared/model/snapshot';
import type { SnapshotFile } from '../../shared/model/snapshotFile';
import { buildGraph, buildTree } from '../graph/buildGraph';
import { layoutInputOf, computeLayout } from '../layout/layoutClient';
import { isStarForest } from '../layout/starPlacement';
import { idKey } from '../../shared/model/armId';
import { openingView } from './store';
import { whatIfEvaluator } from '../whatif/evaluator';
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
  prelayout(snapshot, file.resources.length);
  // The what-if evaluator's cache then makes the what-if start on this estate a hit, not a second pass.
  const verdict = whatIfEvaluator.evaluate(snapshot);
  return { name, ...(path ? { path } : {}), file, snapshot, verdict, tree: buildTree(snapshot, verdict), size: file.resources.length };
}

/**
 * The opening picture's geometry does not depend on verdicts (no flow overlay yet, sizes come from
 * structure), so when it takes ELK the worker lays it out while the engine evaluates on this thread;
 * the canvas's identical request then picks up the same answer (computeLayout shares it).
 */
function prelayout(snapshot: Snapshot, size: number): void {
  if (typeof Worker === 'undefined') return;
  // Hubs with spokes only: the canvas lays that out in a few ms without ELK, so building the graph
  // here as well would only cost time (about as much as evaluating a 2,000-resource estate).
  if (isStarForest([...snapshot.peerings.values()].map((p) => [idKey(p.vnetId), idKey(p.remoteVnetId)] as const))) return;
  const model = buildGraph(buildTree(snapshot, undefined), snapshot, undefined, openingView(size));
  computeLayout(layoutInputOf(model)).catch(() => undefined); // the canvas reports layout errors
}
