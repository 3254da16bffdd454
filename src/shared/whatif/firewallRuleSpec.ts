/**
 * Firewall rule specs: validation of what Azure would refuse (firewall semantics §1.4, §2.4, §2.5),
 * each error naming the edit's field.
 */
import type { ServiceTagData } from '../model';
import type { EditError } from './edits';
import type { FirewallApplicationRuleSpec, FirewallIpProtocol, FirewallNetworkRuleSpec, FirewallRuleSpec } from './firewallEditTypes';
import { firewallAddressError, firewallFqdnError, firewallPortError } from './firewallRuleSyntax';
import { isValidResourceName } from './placeValidation';

/** Schema spelling of network rule protocols, by lower case. */
export const IP_PROTOCOLS: Readonly<Record<string, FirewallIpProtocol>> = { tcp: 'TCP', udp: 'UDP', icmp: 'ICMP', any: 'Any' };
/** Schema spelling of application rule protocols, by lower case. */
export const APP_PROTOCOLS: Readonly<Record<string, 'Http' | 'Https'>> = { http: 'Http', https: 'Https' };


/** Context for checks that need the snapshot: service tag data and IP group existence. */
export interface RuleCheckContext {
  readonly serviceTags: ServiceTagData | undefined;
  readonly ipGroupExists: (id: string) => boolean;
}

function err(field: string, message: string): EditError {
  return { field, message };
}

function firstError<T>(values: readonly T[], check: (v: T) => string | undefined): string | undefined {
  for (const v of values) {
    const e = check(v);
    if (e) return e;
  }
  return undefined;
}

function sourceErrors(spec: FirewallRuleSpec, ctx: RuleCheckContext, at: string): EditError | undefined {
  const groups = spec.sourceIpGroups ?? [];
  if (spec.sourceAddresses.length === 0 && groups.length === 0) return err(`${at}.sourceAddresses`, `Rule ${spec.name} needs a source: addresses (or *) or IP groups.`);
  const bad = firstError(spec.sourceAddresses, (a) => firewallAddressError(a, false, ctx.serviceTags));
  if (bad) return err(`${at}.sourceAddresses`, `${bad}.`);
  const missing = groups.find((g) => !ctx.ipGroupExists(g));
  if (missing) return err(`${at}.sourceIpGroups`, `IP group ${missing} is not in the snapshot.`);
  return undefined;
}

function networkErrors(spec: FirewallNetworkRuleSpec, ctx: RuleCheckContext, at: string): EditError | undefined {
  if (spec.ipProtocols.length === 0) return err(`${at}.ipProtocols`, `Rule ${spec.name} needs at least one protocol (TCP, UDP, ICMP, Any).`);
  const proto = spec.ipProtocols.find((p) => IP_PROTOCOLS[String(p).toLowerCase()] !== p);
  if (proto !== undefined) return err(`${at}.ipProtocols`, `"${String(proto)}" is not a network rule protocol (TCP, UDP, ICMP, Any).`);
  if (spec.destinationPorts.length === 0) return err(`${at}.destinationPorts`, `Rule ${spec.name} needs destination ports (a port, a range or *).`);
  const port = firstError(spec.destinationPorts, firewallPortError);
  if (port) return err(`${at}.destinationPorts`, `${port}.`);
  const fqdns = spec.destinationFqdns ?? [];
  const groups = spec.destinationIpGroups ?? [];
  if (spec.destinationAddresses.length + fqdns.length + groups.length === 0) {
    return err(`${at}.destinationAddresses`, `Rule ${spec.name} needs a destination: addresses, service tags, IP groups or FQDNs.`);
  }
  const addr = firstError(spec.destinationAddresses, (a) => firewallAddressError(a, true, ctx.serviceTags));
  if (addr) return err(`${at}.destinationAddresses`, `${addr}.`);
  const fqdn = firstError(fqdns, (f) => firewallFqdnError(f, false));
  if (fqdn) return err(`${at}.destinationFqdns`, `${fqdn}.`);
  const missing = groups.find((g) => !ctx.ipGroupExists(g));
  if (missing) return err(`${at}.destinationIpGroups`, `IP group ${missing} is not in the snapshot.`);
  return undefined;
}

function appErrors(spec: FirewallApplicationRuleSpec, at: string): EditError | undefined {
  if (spec.protocols.length === 0) return err(`${at}.protocols`, `Rule ${spec.name} needs at least one protocol (Http:80, Https:443, …).`);
  for (const p of spec.protocols) {
    if (APP_PROTOCOLS[String(p.protocolType).toLowerCase()] !== p.protocolType) return err(`${at}.protocols`, `"${String(p.protocolType)}" is not an application rule protocol (Http, Https).`);
    if (!Number.isInteger(p.port) || p.port < 0 || p.port > 64000) return err(`${at}.protocols`, `Port ${p.port} of ${p.protocolType} is outside 0–64000.`);
  }
  const fqdns = spec.targetFqdns ?? [];
  const tags = spec.fqdnTags ?? [];
  if (fqdns.length + tags.length === 0) return err(`${at}.targetFqdns`, `Rule ${spec.name} needs target FQDNs or FQDN tags.`);
  const fqdn = firstError(fqdns, (f) => firewallFqdnError(f, true));
  if (fqdn) return err(`${at}.targetFqdns`, `${fqdn}.`);
  const tag = tags.find((t) => !/^[A-Za-z][\w.-]*$/.test(t));
  if (tag !== undefined) return err(`${at}.fqdnTags`, `"${tag}" is not an FQDN tag name (e.g. WindowsUpdate).`);
  return undefined;
}

/** Why Azure would refuse the rule; `at` prefixes the field (`rule`, `changes`). */
export function firewallRuleError(spec: FirewallRuleSpec, ctx: RuleCheckContext, at: string): EditError | undefined {
  if (!isValidResourceName(spec.name)) return err(`${at}.name`, `Rule name "${spec.name}" is invalid (1–80 letters, digits, _ . -, starting with a letter or digit).`);
  if (spec.ruleType !== 'NetworkRule' && spec.ruleType !== 'ApplicationRule') return err(`${at}.ruleType`, `Rule type must be NetworkRule or ApplicationRule, not "${String((spec as { ruleType?: unknown }).ruleType)}".`);
  return sourceErrors(spec, ctx, at) ?? (spec.ruleType === 'NetworkRule' ? networkErrors(spec, ctx, at) : appErrors(spec, at));
}

