/**
 * One call for the CLI and the app: a snapshot file + edit list → ARM template, Bicep files and
 * notes, or the edit that failed.
 */
import type { Snapshot, SnapshotFile } from '../model';
import { applyEdits } from '../whatif/applyEdit';
import type { Edit, EditError } from '../whatif/edits';
import { armTemplate, type ArmTemplate } from './armTemplate';
import { bicepFiles, type BicepFiles } from './bicep';
import { planDeployment } from './planDeployment';
import type { DeploymentPlan } from './plannedResource';
import { indexRawResources } from './rawIndex';

export interface EditExport {
  readonly snapshot: Snapshot;
  readonly plan: DeploymentPlan;
  readonly template: ArmTemplate;
  readonly bicep: BicepFiles;
}

/** Apply `edits` to `base` (built from `file`) and render the exports of the resulting changes. */
export function exportEdits(file: SnapshotFile, base: Snapshot, edits: readonly Edit[]): EditExport | { error: EditError; index: number } {
  const applied = applyEdits(base, edits);
  if ('error' in applied) return applied;
  const plan = planDeployment(applied.snapshot, applied.changes, indexRawResources(file.resources));
  return { snapshot: applied.snapshot, plan, template: armTemplate(plan), bicep: bicepFiles(plan) };
}
