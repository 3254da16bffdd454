/**
 * The first pass of buildSnapshot: every resource of the file into the collector's buckets, once.
 * Firewall-layer types go to the firewall engineer's normalizer first; repeated ids are reported
 * and skipped; types nobody models are counted.
 */
import { typeKey, type IngestWarning, type SnapshotFile } from '../model';
import { Collector } from './collector';
import { HANDLERS } from './dispatch';
import { normalizeFirewallResource } from './firewall';
import { keyOf } from './keys';
import { checkResource, type ResourcePathOf } from './readInput';

/** Reads every resource of `file` into a new Collector; `pathOf` gives each one's JSON path. */
export function collect(file: SnapshotFile, pathOf: ResourcePathOf, fileName: string): Collector {
  const c = new Collector();
  const warn = (w: IngestWarning): void => c.warn(w);
  const seen = new Map<string, string>();
  file.resources.forEach((raw, i) => {
    const path = pathOf(i);
    const res = checkResource(raw, fileName, path);
    const key = keyOf(res.id);
    const first = seen.get(key);
    if (first !== undefined) {
      warn({ code: 'duplicate-resource', message: `${res.id} appears twice (${first} and ${path}); using the first`, resourceId: res.id, path });
      return;
    }
    seen.set(key, path);
    const fw = normalizeFirewallResource(res, { warn });
    if (fw) {
      if (fw.kind === 'firewallPolicy') c.firewallPolicies.set(key, fw.record);
      else if (fw.kind === 'ruleCollectionGroup') c.ruleCollectionGroups.set(key, fw.record);
      else if (fw.kind === 'ipGroup') c.ipGroups.set(key, fw.record);
      else c.adminRules.set(keyOf(fw.record.vnetId), fw.record);
      return;
    }
    const t = typeKey(res.type);
    const handler = HANDLERS[t];
    if (handler) handler(res, path, c, fileName);
    else c.unknownTypes[t] = (c.unknownTypes[t] ?? 0) + 1;
  });
  return c;
}
