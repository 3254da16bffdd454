/**
 * Everything one harvest has gathered so far: resources (deduplicated by id, first read wins unless
 * replaced on purpose), what could not be read, warnings and the api-version used per type. Becomes
 * the SnapshotFile at the end.
 */
import { idKey } from '../../shared/model/armId';
import type { IngestWarning, MissingScope } from '../../shared/model/snapshot';
import type { ArmResource } from '../../shared/model/snapshotFile';
import { redact } from './armErrors';

/** Warning codes the harvest raises (IngestWarning.code). */
export type HarvestWarningCode =
  | 'throttled' | 'retried' | 'rateLimitLow' | 'pagingCut' | 'malformedPage' | 'requestFailed'
  | 'forbidden' | 'subscriptionUnreadable' | 'workspaceDetailsMissing' | 'serviceTagsMissing' | 'resourceGraphQuota';

/** The growing result of one harvest. */
export class HarvestLedger {
  private readonly byId = new Map<string, ArmResource>();
  readonly missing: MissingScope[] = [];
  readonly warnings: IngestWarning[] = [];
  readonly apiVersions: Record<string, string> = {};

  /** Add resources; a resource already present keeps its first copy. */
  add(items: readonly ArmResource[]): void {
    for (const r of items) {
      if (typeof r?.id !== 'string') continue;
      const k = idKey(r.id);
      if (!this.byId.has(k)) this.byId.set(k, r);
    }
  }

  /** Replace (or add) one resource, e.g. a workspace re-read with a newer api-version. */
  replace(r: ArmResource): void {
    this.byId.set(idKey(r.id), r);
  }

  /** Resources of a type read so far (case-insensitive), optionally for one subscription. */
  ofType(type: string, subscriptionId?: string): ArmResource[] {
    const t = type.toLowerCase();
    const prefix = subscriptionId ? `/subscriptions/${subscriptionId.toLowerCase()}/` : '';
    return [...this.byId.entries()].filter(([k, r]) => r.type.toLowerCase() === t && k.startsWith(prefix)).map(([, r]) => r);
  }

  get resources(): ArmResource[] {
    return [...this.byId.values()];
  }

  warn(code: HarvestWarningCode, message: string, resourceId?: string): void {
    this.warnings.push({ code, message: redact(message), ...(resourceId ? { resourceId } : {}) });
  }

  markMissing(scope: MissingScope): void {
    this.missing.push({ ...scope, reason: redact(scope.reason) });
  }

  apiVersion(type: string, version: string | undefined): void {
    if (version && !this.apiVersions[type]) this.apiVersions[type] = version;
  }
}
