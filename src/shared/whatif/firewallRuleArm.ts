/**
 * Firewall rule specs to and from the ARM rule objects of `ruleCollections[].rules[]`: canonical
 * camelCase on write, any casing on read, and the keys a spec does not own kept on update.
 */
import type { FirewallAppProtocol, FirewallIpProtocol, FirewallRuleSpec } from './firewallEditTypes';
import { rawGet, rawList, rawString, type RawObject } from './firewallRawRules';
import { APP_PROTOCOLS, IP_PROTOCOLS } from './firewallRuleSpec';

/** Keys a spec owns (lower case); other keys of a raw rule (webCategories, targetUrls, …) are kept on update. */
const NETWORK_KEYS = ['ruletype', 'name', 'description', 'ipprotocols', 'sourceaddresses', 'sourceipgroups', 'destinationaddresses', 'destinationipgroups', 'destinationfqdns', 'destinationports'];
const APP_KEYS = ['ruletype', 'name', 'description', 'protocols', 'sourceaddresses', 'sourceipgroups', 'targetfqdns', 'fqdntags'];

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** The ARM rule object for a spec (canonical camelCase keys, empty lists spelled out like ARM returns them). */
export function ruleToArm(spec: FirewallRuleSpec): RawObject {
  const head = { ruleType: spec.ruleType, name: spec.name, ...(spec.description !== undefined ? { description: spec.description } : {}) };
  if (spec.ruleType === 'NetworkRule') {
    return {
      ...head, ipProtocols: [...spec.ipProtocols], sourceAddresses: [...spec.sourceAddresses], sourceIpGroups: [...(spec.sourceIpGroups ?? [])],
      destinationAddresses: [...spec.destinationAddresses], destinationIpGroups: [...(spec.destinationIpGroups ?? [])],
      destinationFqdns: [...(spec.destinationFqdns ?? [])], destinationPorts: [...spec.destinationPorts],
    };
  }
  return {
    ...head, protocols: spec.protocols.map((p) => ({ protocolType: p.protocolType, port: p.port })),
    sourceAddresses: [...spec.sourceAddresses], sourceIpGroups: [...(spec.sourceIpGroups ?? [])],
    targetFqdns: [...(spec.targetFqdns ?? [])], fqdnTags: [...(spec.fqdnTags ?? [])],
  };
}

/** A raw rule read back into a spec (values normalised to the schema's spelling); undefined for NAT or unknown types. */
export function ruleFromArm(raw: unknown): FirewallRuleSpec | undefined {
  const type = rawString(raw, 'ruleType').toLowerCase();
  const description = rawGet(raw, 'description');
  const head = { name: rawString(raw, 'name'), ...(typeof description === 'string' ? { description } : {}) };
  const common = { sourceAddresses: strings(rawGet(raw, 'sourceAddresses')), sourceIpGroups: strings(rawGet(raw, 'sourceIpGroups')) };
  if (type === 'networkrule') {
    return {
      ruleType: 'NetworkRule', ...head, ...common,
      ipProtocols: strings(rawGet(raw, 'ipProtocols')).map((p) => IP_PROTOCOLS[p.toLowerCase()] ?? (p as FirewallIpProtocol)),
      destinationAddresses: strings(rawGet(raw, 'destinationAddresses')), destinationIpGroups: strings(rawGet(raw, 'destinationIpGroups')),
      destinationFqdns: strings(rawGet(raw, 'destinationFqdns')), destinationPorts: strings(rawGet(raw, 'destinationPorts')),
    };
  }
  if (type === 'applicationrule') {
    const protocols: FirewallAppProtocol[] = rawList(raw, 'protocols').map((p) => {
      const t = rawString(p, 'protocolType');
      return { protocolType: APP_PROTOCOLS[t.toLowerCase()] ?? (t as 'Http'), port: Number(rawGet(p, 'port')) };
    });
    return { ruleType: 'ApplicationRule', ...head, ...common, protocols, targetFqdns: strings(rawGet(raw, 'targetFqdns')), fqdnTags: strings(rawGet(raw, 'fqdnTags')) };
  }
  return undefined;
}

/** Fields of `changes` that the rule type does not have (a network rule has no `protocols`, …). */
export function foreignChangeFields(ruleType: FirewallRuleSpec['ruleType'], changes: Readonly<Record<string, unknown>>): string[] {
  const own = ruleType === 'NetworkRule' ? NETWORK_KEYS : APP_KEYS;
  return Object.keys(changes).filter((k) => !own.includes(k.toLowerCase()) || k === 'ruleType' || k === 'name');
}

/** `raw` with the spec's fields replaced and the fields the spec does not own kept. */
export function mergeRuleIntoRaw(raw: unknown, spec: FirewallRuleSpec): RawObject {
  const own = spec.ruleType === 'NetworkRule' ? NETWORK_KEYS : APP_KEYS;
  const kept = raw && typeof raw === 'object' ? Object.entries(raw).filter(([k]) => !own.includes(k.toLowerCase())) : [];
  return { ...Object.fromEntries(kept), ...ruleToArm(spec) };
}
