/**
 * Detects which of the accepted input forms a parsed JSON value is, and turns it into the on-disk
 * SnapshotFile form, remembering where each resource sat in the input so later errors can name the
 * JSON path the user sees in their own file.
 */
import {
  SNAPSHOT_FORMAT, SNAPSHOT_SCHEMA_VERSION, subscriptionOf,
  type ArmResource, type MissingScope, type IngestWarning, type ServiceTagsDocument, type SnapshotFile,
} from '../model';
import { IngestError, jsonKind } from './ingestError';
import { snapshotFileSchema } from './snapshotFileSchema';
import { typeFromId } from './typeFromId';
import { validate } from './validate';
import { dropNulls } from './dropNulls';
import { pagingWarnings, tableRows } from './listShapes';

/** Where resource `i` of the SnapshotFile sat in the input (`$[3]`, `$.value[3]`, `$.resources[3]`). */
export type ResourcePathOf = (index: number) => string;

/**
 * Input paths of the SnapshotFiles toSnapshotFile made, so that a later buildSnapshot(file) still
 * reports errors at `$[3]…` of the user's own file rather than at `$.resources[3]…` of a file the
 * user never saw. Weak: the entry goes with the file object.
 */
export const inputPaths = new WeakMap<SnapshotFile, ResourcePathOf>();

/** A SnapshotFile plus the input paths of its resources. */
export interface ReadInput {
  readonly file: SnapshotFile;
  readonly pathOf: ResourcePathOf;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** One ARM resource object: an object with a string `id` and a `type` (given, or inferred from the id). */
export function checkResource(item: unknown, fileName: string, path: string): ArmResource {
  if (!isObject(item)) throw new IngestError(fileName, path, `expected an ARM resource object, got ${jsonKind(item)}`);
  const { id, type } = item;
  if (typeof id !== 'string' || id.trim() === '') {
    throw new IngestError(fileName, `${path}.id`, id === undefined ? 'missing (expected the ARM resource id, a string)' : `expected a non-empty string, got ${jsonKind(id)}`);
  }
  if (typeof type === 'string' && type.trim() !== '') return item as ArmResource;
  if (type !== undefined && type !== null) throw new IngestError(fileName, `${path}.type`, `expected string, got ${jsonKind(type)}`);
  const inferred = typeFromId(id);
  if (!inferred) throw new IngestError(fileName, `${path}.type`, `missing, and the id "${id}" does not name a resource type`);
  return { ...item, id, type: inferred };
}

function fileProvenance(resources: readonly ArmResource[], fileName: string): SnapshotFile['provenance'] {
  const subs = new Set<string>();
  for (const r of resources) {
    const s = subscriptionOf(r.id);
    if (s) subs.add(s);
  }
  return { source: 'file', subscriptions: [...subs].sort(), inputFile: fileName };
}

function fromArray(items: readonly unknown[], fileName: string, pathOf: ResourcePathOf, warnings: IngestWarning[] = []): ReadInput {
  const resources = items.map((item, i) => checkResource(item, fileName, pathOf(i)));
  const file: SnapshotFile = {
    format: SNAPSHOT_FORMAT,
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    provenance: fileProvenance(resources, fileName),
    resources,
    missing: [],
    warnings,
  };
  return { file, pathOf };
}

function fromSnapshotFile(input: Record<string, unknown>, fileName: string): ReadInput {
  const version = input.schemaVersion;
  if (typeof version === 'number' && version > SNAPSHOT_SCHEMA_VERSION) {
    throw new IngestError(fileName, '$.schemaVersion',
      `this snapshot was written by a newer VNetLens (schemaVersion ${version}); this build reads schemaVersion ${SNAPSHOT_SCHEMA_VERSION} and older — update VNetLens`);
  }
  const parsed = validate(snapshotFileSchema, input, fileName, '$');
  const pathOf: ResourcePathOf = (i) => `$.resources[${i}]`;
  const resources = parsed.resources.map((item, i) => checkResource(item, fileName, pathOf(i)));
  const p = parsed.provenance;
  const file: SnapshotFile = {
    format: SNAPSHOT_FORMAT,
    schemaVersion: parsed.schemaVersion,
    // Field by field: the file may carry keys this build does not know; they stay out of the model.
    provenance: {
      ...dropNulls({ source: p.source, cloud: p.cloud, tenantId: p.tenantId, createdAt: p.createdAt, tool: p.tool, apiVersions: p.apiVersions, inputFile: p.inputFile }),
      subscriptions: p.subscriptions ?? fileProvenance(resources, fileName).subscriptions,
    },
    resources,
    // validated above; kept raw so the file round-trips
    ...(input.serviceTags ? { serviceTags: input.serviceTags as ServiceTagsDocument } : {}),
    missing: (parsed.missing ?? []).map((m) => dropNulls({ kind: m.kind, subscriptionId: m.subscriptionId, resourceType: m.resourceType, resourceId: m.resourceId, reason: m.reason }) as MissingScope),
    warnings: (parsed.warnings ?? []).map((w) => dropNulls({ code: w.code, message: w.message, resourceId: w.resourceId, path: w.path }) as IngestWarning),
  };
  return { file, pathOf };
}

/** Any accepted input → SnapshotFile + resource paths; IngestError for anything else. */
export function readInput(input: unknown, fileName: string): ReadInput {
  if (Array.isArray(input)) return fromArray(input, fileName, (i) => `$[${i}]`);
  if (!isObject(input)) {
    throw new IngestError(fileName, '$', `expected a JSON array of ARM resources, an object with "value" or "data", or a VNetLens snapshot; got ${jsonKind(input)}`);
  }
  if (input.format === SNAPSHOT_FORMAT || (input.schemaVersion !== undefined && input.resources !== undefined)) {
    return fromSnapshotFile(input, fileName);
  }
  if ('value' in input) {
    if (!Array.isArray(input.value)) throw new IngestError(fileName, '$.value', `expected an array of ARM resources, got ${jsonKind(input.value)}`);
    return fromArray(input.value, fileName, (i) => `$.value[${i}]`, pagingWarnings(input, fileName));
  }
  if ('data' in input) {
    const data = input.data;
    if (Array.isArray(data)) return fromArray(data, fileName, (i) => `$.data[${i}]`, pagingWarnings(input, fileName));
    if (isObject(data)) return fromArray(tableRows(data, fileName), fileName, (i) => `$.data.rows[${i}]`, pagingWarnings(input, fileName));
    throw new IngestError(fileName, '$.data', `expected an array of resources or a table { columns, rows }, got ${jsonKind(data)}`);
  }
  // A single resource, as `az resource show` or an ARM GET returns it.
  if (typeof input.id === 'string') return fromArray([input], fileName, () => '$');
  throw new IngestError(fileName, '$', 'expected a JSON array of ARM resources, an object with "value" or "data", or a VNetLens snapshot; this object has none of "value", "data", "id" or "format"');
}
