/**
 * NSG rules Azure would reject (N15–N17): duplicate priority in one direction, priority outside
 * 100–4096, more than one service tag (or a tag mixed with addresses) in one field, unreadable
 * ports or prefixes. The engine still evaluates such NSGs; these findings say why they are suspect.
 */
import type { NetworkSecurityGroup } from '../../model/resources';
import type { TagIndex } from '../../servicetags/tagIndex';
import { isIpOrCidr } from '../../net/cidr';
import { parsePorts } from './parsedRule';

export interface NsgIssue {
  readonly code: 'nsg-duplicate-priority' | 'nsg-priority-range' | 'nsg-multiple-tags' | 'nsg-invalid-field';
  readonly message: string;
  /** The rule at fault. */
  readonly resourceId: string;
}

function fieldIssue(items: readonly string[], tags: TagIndex): string | undefined {
  const named = items.map((i) => i.trim()).filter((i) => i !== '' && i !== '*' && !/^any$/i.test(i));
  const tagItems = named.filter((i) => !isIpOrCidr(i));
  if (tagItems.length > 1) return `names ${tagItems.length} service tags (${tagItems.join(', ')}); a rule may name one`;
  if (tagItems.length === 1 && named.length > 1) return `mixes service tag ${tagItems[0]} with addresses`;
  const unknown = tagItems.find((t) => !tags.isTag(t));
  return unknown ? `names "${unknown}", which is neither an address nor a known service tag` : undefined;
}

/** Problems of the custom rules of one NSG. */
export function nsgConfigIssues(nsg: NetworkSecurityGroup, tags: TagIndex): readonly NsgIssue[] {
  const out: NsgIssue[] = [];
  const seen = new Map<string, string>();
  for (const r of nsg.securityRules) {
    if (!Number.isInteger(r.priority) || r.priority < 100 || r.priority > 4096) {
      out.push({ code: 'nsg-priority-range', resourceId: r.id, message: `Rule ${r.name} in ${nsg.name} has priority ${r.priority}; custom rules take 100–4096.` });
    }
    const key = `${r.direction}:${r.priority}`;
    const first = seen.get(key);
    if (first) out.push({ code: 'nsg-duplicate-priority', resourceId: r.id, message: `Rules ${first} and ${r.name} in ${nsg.name} share priority ${r.priority} (${r.direction}).` });
    else seen.set(key, r.name);
    for (const [label, items, asgs] of [['source', r.sourceAddressPrefixes, r.sourceAsgIds], ['destination', r.destinationAddressPrefixes, r.destinationAsgIds]] as const) {
      const problem = asgs.length ? undefined : fieldIssue(items, tags);
      if (problem) out.push({ code: problem.includes('neither') ? 'nsg-invalid-field' : 'nsg-multiple-tags', resourceId: r.id, message: `Rule ${r.name} in ${nsg.name}: ${label} ${problem}.` });
    }
    for (const [label, ports] of [['source', r.sourcePortRanges], ['destination', r.destinationPortRanges]] as const) {
      const parsed = parsePorts(ports);
      if (typeof parsed === 'string') out.push({ code: 'nsg-invalid-field', resourceId: r.id, message: `Rule ${r.name} in ${nsg.name}: ${label} ${parsed}.` });
    }
  }
  return out;
}
