/**
 * Read a project file's text. Every failure is a ProjectError whose message names the file and the
 * field; a file from a newer VNetLens says so instead of half-reading it.
 */
import { z } from 'zod';
import { SNAPSHOT_FORMAT } from '../model';
import type { SnapshotFile } from '../model';
import { editSchema } from '../whatif/editSchema';
import { PROJECT_FORMAT, PROJECT_SCHEMA_VERSION, type Project } from './projectFile';

/** Why a project file cannot be used; `kind` lets the app choose its wording and whether to offer "save as". */
export class ProjectError extends Error {
  constructor(readonly file: string, readonly kind: 'syntax' | 'notProject' | 'newerVersion' | 'invalid', detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'ProjectError';
  }
}

const snapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  schemaVersion: z.number().int().min(1),
  provenance: z.object({ source: z.string(), subscriptions: z.array(z.string()) }).loose(),
  resources: z.array(z.object({ id: z.string(), type: z.string() }).loose()),
  serviceTags: z.object({ values: z.array(z.unknown()) }).loose().optional(),
  missing: z.array(z.object({ kind: z.enum(['subscription', 'resourceType', 'resource']), reason: z.string() }).loose()).default([]),
  warnings: z.array(z.object({ code: z.string(), message: z.string() }).loose()).default([]),
});

const point = z.object({ x: z.number(), y: z.number() });
const projectSchema = z.object({
  format: z.literal(PROJECT_FORMAT),
  schemaVersion: z.literal(PROJECT_SCHEMA_VERSION),
  snapshot: snapshotSchema,
  edits: z.array(editSchema),
  cursor: z.number().int().min(0),
  // Ids and values are checked when the project is opened (resolveAssumptions), not here: a project
  // from a build with other assumptions still opens, with the defaults and a note.
  assumptions: z.record(z.string().max(100), z.string().max(100_000)).optional(),
  view: z.object({
    selectedCompute: z.string().optional(),
    collapsed: z.array(z.string()).default([]),
    positions: z.record(z.string(), point).optional(),
    theme: z.enum(['light', 'dark', 'system']).optional(),
  }).default({ collapsed: [] }),
});

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : `${acc}.${String(k)}`), '$');
}

/** Parse and validate; throws ProjectError. */
export function parseProject(text: string, file: string): Project {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ProjectError(file, 'syntax', `not valid JSON (${(err as Error).message}); the file may be damaged or truncated.`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data) || (data as { format?: unknown }).format !== PROJECT_FORMAT) {
    throw new ProjectError(file, 'notProject', `not a VNetLens project (expected "format": "${PROJECT_FORMAT}"). To check an ARM dump or a snapshot, open it as an estate instead.`);
  }
  const version = (data as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > PROJECT_SCHEMA_VERSION) {
    throw new ProjectError(file, 'newerVersion', `made by a newer VNetLens (schemaVersion ${version}); this build reads ${PROJECT_SCHEMA_VERSION}. Update VNetLens to open it; the file was not changed.`);
  }
  const parsed = projectSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ProjectError(file, 'invalid', `${pathOf(issue.path)}: ${issue.message}`);
  }
  const p = parsed.data;
  if (p.cursor > p.edits.length) throw new ProjectError(file, 'invalid', `$.cursor: ${p.cursor} is beyond the ${p.edits.length} edits.`);
  return { ...p, snapshot: p.snapshot as unknown as SnapshotFile, view: p.view } as Project;
}
