/**
 * Normalizers for the firewall / Virtual Network Manager resources (issue 6): firewall policies,
 * their rule collection groups, IP groups, and the harvester's per-VNet effective admin rules.
 * The ingest calls {@link normalizeFirewallResource} for every ARM resource before its own
 * dispatch; anything else returns undefined. Keys are read case-insensitively (REST camelCase and
 * PowerShell PascalCase both occur); bad fields become warnings naming the resource and path.
 */
import { z } from 'zod';
import { lastSegment, parentId, resourceGroupOf, subscriptionOf, typeKey } from '../model/armId';
import type {
  AdminRule, FirewallPolicy, FirewallRuleCollectionGroup, IpGroup, NetworkManagerScope, VnetAdminRules,
} from '../model/firewall';
import type { ResourceBase } from '../model/resources';
import type { IngestWarning } from '../model/snapshot';
import type { ArmResource } from '../model/snapshotFile';
import { lowerKeys } from '../engine/firewall/lowerKeys';
import { parsePolicyCollections } from '../engine/firewall/parseRules';

/** The pseudo-resource type the harvester writes for `listNetworkManagerEffectiveSecurityAdminRules`. */
export const EFFECTIVE_ADMIN_RULES_TYPE = 'VNetLens.Harvest/effectiveSecurityAdminRules';

const TYPES = {
  policy: 'microsoft.network/firewallpolicies',
  group: 'microsoft.network/firewallpolicies/rulecollectiongroups',
  ipGroup: 'microsoft.network/ipgroups',
  admin: typeKey(EFFECTIVE_ADMIN_RULES_TYPE),
};

type Ctx = { warn: (w: IngestWarning) => void };
type Loose = Record<string, unknown>;

const idRef = z.looseObject({ id: z.string() });
const strings = z.array(z.coerce.string()).nullish().transform((v) => v ?? []);

const policyProps = z.looseObject({
  basepolicy: idRef.nullish(),
  rulecollectiongroups: z.array(z.looseObject({ id: z.string().optional(), name: z.string().optional(), properties: z.unknown().optional() })).nullish(),
  threatintelmode: z.string().nullish(),
  dnssettings: z.looseObject({ enableproxy: z.boolean().nullish(), requireproxyfornetworkrules: z.boolean().nullish() }).nullish(),
  snat: z.looseObject({ privateranges: strings, autolearnprivateranges: z.string().nullish() }).nullish(),
  sku: z.looseObject({ tier: z.string().nullish() }).nullish(),
  intrusiondetection: z.looseObject({ mode: z.string().nullish() }).nullish(),
});
const groupProps = z.looseObject({
  priority: z.coerce.number().int(),
  rulecollections: z.array(z.unknown()).nullish(),
});
const addressItem = z.union([
  z.looseObject({ addressprefix: z.string(), addressprefixtype: z.string().nullish() }),
  z.string().transform((s) => ({ addressprefix: s, addressprefixtype: undefined })),
]);
const adminItem = z.looseObject({
  id: z.string(),
  kind: z.string().nullish(),
  properties: z.looseObject({
    priority: z.coerce.number().int(),
    access: z.string(),
    direction: z.string(),
    protocol: z.string(),
    sources: z.array(addressItem).nullish(),
    destinations: z.array(addressItem).nullish(),
    sourceportranges: strings,
    destinationportranges: strings,
    flag: z.string().nullish(),
    applyonnetworkintentpolicybasedservices: strings.optional(),
  }),
});
const managerScope = z.looseObject({
  id: z.string(),
  networkmanagerscopes: z.looseObject({ managementgroups: strings, subscriptions: strings }).nullish(),
  properties: z.looseObject({ networkmanagerscopes: z.looseObject({ managementgroups: strings, subscriptions: strings }).nullish() }).nullish(),
});
const adminProps = z.looseObject({
  vnetid: z.string().optional(),
  value: z.array(z.unknown()).nullish(),
  networkmanagers: z.array(z.unknown()).nullish(),
});

function base(res: ArmResource, fallbackName: string): ResourceBase {
  return {
    id: res.id,
    name: typeof res.name === 'string' && res.name ? lastSegment(res.name) : fallbackName,
    type: res.type,
    location: typeof res.location === 'string' ? res.location : '',
    subscriptionId: subscriptionOf(res.id),
    resourceGroup: resourceGroupOf(res.id),
  };
}

function props(res: ArmResource): Loose {
  const lowered = lowerKeys(res) as Loose;
  const p = lowered.properties;
  return p && typeof p === 'object' && !Array.isArray(p) ? p as Loose : {};
}

function issuesText(e: z.ZodError): string {
  return e.issues.map((i) => `properties.${i.path.join('.')}: ${i.message}`).join('; ');
}

/** Find a key case-insensitively in an object as ARM wrote it. */
function findKey(obj: Loose, lower: string): unknown {
  for (const [k, v] of Object.entries(obj)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

function originalProps(res: ArmResource): Loose {
  const p = findKey(res as unknown as Loose, 'properties');
  return p && typeof p === 'object' && !Array.isArray(p) ? p as Loose : {};
}

/**
 * `lowered` is read; `originalCollections` (ARM's own casing) is what the record keeps, so the
 * inspector and what-if show and export the rules as the user wrote them.
 */
function groupRecord(
  b: ResourceBase, policyId: string, lowered: Loose, originalCollections: unknown, ctx: Ctx, pathBase: string,
): FirewallRuleCollectionGroup | undefined {
  const parsed = groupProps.safeParse(lowered);
  if (!parsed.success) {
    ctx.warn({ code: 'InvalidRuleCollectionGroup', message: `rule collection group ${b.name} skipped: ${issuesText(parsed.error)}`, resourceId: b.id, path: pathBase });
    return undefined;
  }
  const ruleCollections = Array.isArray(originalCollections) ? originalCollections as unknown[] : [];
  // Read once now so a bad rule is reported at import; the evaluator reads the raw list again.
  const issues: { code: string; message: string; path: string }[] = [];
  parsePolicyCollections(ruleCollections, `${pathBase}.ruleCollections`, issues);
  for (const i of issues) ctx.warn({ code: i.code, message: i.message, resourceId: b.id, path: i.path });
  return { ...b, policyId, priority: parsed.data.priority, ruleCollections };
}

function normalizePolicy(res: ArmResource, ctx: Ctx): FirewallPolicy | undefined {
  const p = props(res);
  const parsed = policyProps.safeParse(p);
  if (!parsed.success) {
    ctx.warn({ code: 'InvalidFirewallPolicy', message: `firewall policy ${res.name ?? res.id} skipped: ${issuesText(parsed.error)}`, resourceId: res.id, path: 'properties' });
    return undefined;
  }
  const d = parsed.data;
  const b = base(res, lastSegment(res.id));
  const groupIds: string[] = [];
  const inline: FirewallRuleCollectionGroup[] = [];
  const originalGroups = findKey(originalProps(res), 'rulecollectiongroups');
  (d.rulecollectiongroups ?? []).forEach((g, i) => {
    const gid = g.id ?? (g.name ? `${res.id}/ruleCollectionGroups/${g.name}` : undefined);
    if (!gid) {
      ctx.warn({ code: 'InvalidFirewallPolicy', message: `rule collection group reference without id or name`, resourceId: res.id, path: `properties.ruleCollectionGroups[${i}]` });
      return;
    }
    groupIds.push(gid);
    if (g.properties && typeof g.properties === 'object') {
      const orig = Array.isArray(originalGroups) ? originalGroups[i] as Loose | undefined : undefined;
      const origProps = orig ? findKey(orig, 'properties') as Loose | undefined : undefined;
      const gb: ResourceBase = {
        id: gid, name: g.name ? lastSegment(g.name) : lastSegment(gid), type: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups',
        location: '', subscriptionId: subscriptionOf(gid), resourceGroup: resourceGroupOf(gid),
      };
      const rec = groupRecord(gb, res.id, g.properties as Loose, origProps ? findKey(origProps, 'rulecollections') : undefined,
        ctx, `properties.ruleCollectionGroups[${i}].properties`);
      if (rec) inline.push(rec);
    }
  });
  const dns = d.dnssettings;
  return {
    ...b,
    ...(d.basepolicy?.id ? { basePolicyId: d.basepolicy.id } : {}),
    ruleCollectionGroupIds: groupIds,
    ...(d.threatintelmode ? { threatIntelMode: d.threatintelmode } : {}),
    dnsProxyEnabled: dns?.enableproxy === true,
    dnsSettingsDeclared: dns !== undefined && dns !== null,
    ...(typeof dns?.requireproxyfornetworkrules === 'boolean' ? { requireProxyForNetworkRules: dns.requireproxyfornetworkrules } : {}),
    ...(d.sku?.tier ? { skuTier: d.sku.tier } : {}),
    ...(d.snat && d.snat.privateranges.length ? { snatPrivateRanges: d.snat.privateranges } : {}),
    ...(d.snat?.autolearnprivateranges ? { snatAutoLearn: d.snat.autolearnprivateranges.toLowerCase() === 'enabled' } : {}),
    ...(d.intrusiondetection?.mode ? { intrusionDetectionMode: d.intrusiondetection.mode } : {}),
    ...(inline.length ? { inlineRuleCollectionGroups: inline } : {}),
  };
}

function normalizeGroup(res: ArmResource, ctx: Ctx): FirewallRuleCollectionGroup | undefined {
  return groupRecord(base(res, lastSegment(res.id)), parentId(res.id), props(res), findKey(originalProps(res), 'rulecollections'), ctx, 'properties');
}

function normalizeIpGroup(res: ArmResource, ctx: Ctx): IpGroup {
  const p = props(res);
  const parsed = z.looseObject({ ipaddresses: strings }).safeParse(p);
  if (!parsed.success) {
    ctx.warn({ code: 'InvalidIpGroup', message: `IP group ${res.name ?? res.id}: ${issuesText(parsed.error)}; treated as empty`, resourceId: res.id, path: 'properties.ipAddresses' });
  }
  return { ...base(res, lastSegment(res.id)), ipAddresses: parsed.success ? parsed.data.ipaddresses : [] };
}

const ACCESS = { allow: 'Allow', alwaysallow: 'AlwaysAllow', deny: 'Deny' } as const;
const DIRECTION = { inbound: 'Inbound', outbound: 'Outbound' } as const;
const PROTOCOL = { tcp: 'Tcp', udp: 'Udp', icmp: 'Icmp', esp: 'Esp', ah: 'Ah', any: 'Any', '*': 'Any' } as const;

function pick<T extends Record<string, string>>(table: T, raw: string): T[keyof T] | undefined {
  return (table as unknown as Record<string, T[keyof T] | undefined>)[raw.toLowerCase()];
}

/** `…/networkManagers/nm/securityAdminConfigurations/c/ruleCollections/rc/rules/r` → its parts. */
function adminIdParts(id: string): { managerId?: string; configurationId?: string; ruleCollectionId?: string } {
  const m = /^(.*\/networkManagers\/[^/]+)\/securityAdminConfigurations\/[^/]+/i.exec(id);
  const rc = /^(.*\/ruleCollections\/[^/]+)\/rules\/[^/]+$/i.exec(id);
  const cfg = /^(.*\/securityAdminConfigurations\/[^/]+)\//i.exec(id);
  return {
    ...(m?.[1] ? { managerId: m[1] } : {}),
    ...(cfg?.[1] ? { configurationId: cfg[1] } : {}),
    ...(rc?.[1] ? { ruleCollectionId: rc[1] } : {}),
  };
}

function normalizeAdminRules(res: ArmResource, ctx: Ctx): VnetAdminRules | undefined {
  const parsed = adminProps.safeParse(props(res));
  if (!parsed.success) {
    ctx.warn({ code: 'InvalidAdminRules', message: `effective admin rules skipped: ${issuesText(parsed.error)}`, resourceId: res.id, path: 'properties' });
    return undefined;
  }
  const vnetId = parsed.data.vnetid ?? res.id.replace(/\/effectiveSecurityAdminRules$/i, '');
  const rules: AdminRule[] = [];
  (parsed.data.value ?? []).forEach((raw, i) => {
    const path = `properties.value[${i}]`;
    const item = adminItem.safeParse(raw);
    if (!item.success) {
      ctx.warn({ code: 'InvalidAdminRule', message: `admin rule skipped: ${item.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`, resourceId: res.id, path });
      return;
    }
    const { id, kind, properties: p } = item.data;
    const access = pick(ACCESS, p.access);
    const direction = pick(DIRECTION, p.direction);
    const protocol = pick(PROTOCOL, p.protocol);
    if (!access || !direction || !protocol) {
      ctx.warn({ code: 'InvalidAdminRule', message: `admin rule ${lastSegment(id)} skipped: access "${p.access}", direction "${p.direction}", protocol "${p.protocol}"`, resourceId: res.id, path: `${path}.properties` });
      return;
    }
    if ((p.sources ?? []).some((s) => (s.addressprefixtype ?? '').toLowerCase() === 'networkgroup')
      || (p.destinations ?? []).some((s) => (s.addressprefixtype ?? '').toLowerCase() === 'networkgroup')) {
      ctx.warn({ code: 'AdminRuleNetworkGroupAddress', message: `admin rule ${lastSegment(id)} uses a NetworkGroup address (semantics UNCONFIRMED); flows it could decide are unknown`, resourceId: res.id, path: `${path}.properties` });
    }
    const parts = adminIdParts(id);
    const k = (kind ?? 'Custom').toLowerCase() === 'default' ? 'Default' : 'Custom';
    rules.push({
      id, name: lastSegment(id), priority: p.priority, direction, access, protocol,
      sources: (p.sources ?? []).map((s) => prefixText(s)),
      destinations: (p.destinations ?? []).map((s) => prefixText(s)),
      sourcePortRanges: p.sourceportranges, destinationPortRanges: p.destinationportranges,
      ...(parts.configurationId ? { configurationId: parts.configurationId } : {}),
      ...(parts.ruleCollectionId ? { ruleCollectionId: parts.ruleCollectionId } : {}),
      ...(parts.managerId ? { networkManagerId: parts.managerId } : {}),
      kind: k,
      ...(p.flag ? { flag: p.flag } : {}),
      ...(p.applyonnetworkintentpolicybasedservices ? { applyOnNetworkIntentPolicyBasedServices: p.applyonnetworkintentpolicybasedservices } : {}),
    });
  });
  const managers: NetworkManagerScope[] = [];
  for (const raw of parsed.data.networkmanagers ?? []) {
    const m = managerScope.safeParse(raw);
    if (!m.success) continue;
    const scopes = m.data.networkmanagerscopes ?? m.data.properties?.networkmanagerscopes;
    managers.push({ id: m.data.id, managementGroups: scopes?.managementgroups ?? [], subscriptions: scopes?.subscriptions ?? [] });
  }
  return { vnetId, rules, ...(managers.length ? { networkManagers: managers } : {}) };
}

/** `NetworkGroup` addresses are kept with a prefix the evaluator recognises as undecidable. */
function prefixText(item: { addressprefix: string; addressprefixtype?: string | null | undefined }): string {
  return (item.addressprefixtype ?? '').toLowerCase() === 'networkgroup' ? `networkGroup:${item.addressprefix}` : item.addressprefix;
}

/** Entry point the ingest calls for every resource; undefined for types it does not own. */
export function normalizeFirewallResource(res: ArmResource, ctx: { warn: (w: IngestWarning) => void }):
  | { kind: 'firewallPolicy'; record: FirewallPolicy }
  | { kind: 'ruleCollectionGroup'; record: FirewallRuleCollectionGroup }
  | { kind: 'ipGroup'; record: IpGroup }
  | { kind: 'adminRules'; record: VnetAdminRules }
  | undefined {
  const t = typeKey(res.type ?? '');
  if (t === TYPES.policy) {
    const record = normalizePolicy(res, ctx);
    return record && { kind: 'firewallPolicy', record };
  }
  if (t === TYPES.group) {
    const record = normalizeGroup(res, ctx);
    return record && { kind: 'ruleCollectionGroup', record };
  }
  if (t === TYPES.ipGroup) return { kind: 'ipGroup', record: normalizeIpGroup(res, ctx) };
  if (t === TYPES.admin) {
    const record = normalizeAdminRules(res, ctx);
    return record && { kind: 'adminRules', record };
  }
  return undefined;
}
