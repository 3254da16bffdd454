/**
 * The on-disk snapshot format (`*.snapshot.json`): the raw ARM resources plus what the harvest knew.
 * Raw, not normalized, so that a newer VNetLens re-reads old files with its newer ingest, and so the
 * file is still plain ARM JSON for other tools. Versioned by `schemaVersion`.
 */
import type { MissingScope, Provenance, IngestWarning } from './snapshot';

export const SNAPSHOT_FORMAT = 'vnetlens-snapshot';
export const SNAPSHOT_SCHEMA_VERSION = 1;

/** One ARM resource object as ARM returns it (GET, list `value[]`, Resource Graph row). */
export interface ArmResource {
  readonly id: string;
  readonly name?: string;
  readonly type: string;
  readonly location?: string;
  readonly properties?: Record<string, unknown>;
  readonly [key: string]: unknown;
}

/** The Service Tag Discovery API / public download shape, stored so checks work offline. */
export interface ServiceTagsDocument {
  readonly changeNumber?: number;
  readonly cloud?: string;
  readonly values: readonly {
    readonly name: string;
    readonly id?: string;
    readonly properties: {
      readonly changeNumber?: number;
      readonly region?: string;
      readonly regionId?: number;
      readonly platform?: string;
      readonly systemService?: string;
      readonly addressPrefixes: readonly string[];
    };
  }[];
}

export interface SnapshotFile {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly schemaVersion: number;
  readonly provenance: Provenance;
  readonly resources: readonly ArmResource[];
  readonly serviceTags?: ServiceTagsDocument;
  readonly missing: readonly MissingScope[];
  /** Warnings the harvest raised (throttling, pages that failed, …). */
  readonly warnings: readonly IngestWarning[];
}
