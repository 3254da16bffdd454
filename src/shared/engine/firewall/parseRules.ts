/**
 * Reads rule collections as ARM gives them (policy `ruleCollections`, classic
 * `network|application|natRuleCollections`) into {@link CollectionSpec}s. Schemas are zod over
 * lower-cased keys; a malformed collection or rule is skipped with a {@link RuleIssue} naming its
 * path, so one bad entry never hides the rest of a policy.
 */
import { z } from 'zod';
import { lowerKeys } from './lowerKeys';
import type {
  AppProtocol, CollectionAction, CollectionSpec, RuleIssue, RuleKind, RuleSpec,
} from './ruleTypes';

const strings = z.array(z.coerce.string()).nullish().transform((v) => v ?? []);
const appProtocol = z.looseObject({
  protocoltype: z.string(),
  port: z.coerce.number().int().min(0).max(65535),
});
const ruleSchema = z.looseObject({
  name: z.string().min(1),
  ruletype: z.string().optional(),
  sourceaddresses: strings,
  sourceipgroups: strings,
  destinationaddresses: strings,
  destinationipgroups: strings,
  destinationfqdns: strings,
  destinationports: strings,
  ipprotocols: z.array(z.unknown()).nullish(),
  protocols: z.array(z.unknown()).nullish(),
  targetfqdns: strings,
  fqdntags: strings,
  webcategories: strings,
  targeturls: strings,
  terminatetls: z.boolean().nullish(),
  translatedaddress: z.string().nullish(),
  translatedfqdn: z.string().nullish(),
  translatedport: z.coerce.string().nullish(),
});
type RawRule = z.infer<typeof ruleSchema>;

const policyCollection = z.looseObject({
  name: z.string().min(1),
  rulecollectiontype: z.string(),
  priority: z.coerce.number().int(),
  action: z.looseObject({ type: z.string() }).nullish(),
  rules: z.array(z.unknown()).nullish(),
});
const classicCollection = z.looseObject({
  name: z.string().min(1),
  priority: z.coerce.number().int(),
  action: z.looseObject({ type: z.string() }),
  rules: z.array(z.unknown()).nullish(),
});

function zodMessage(e: z.ZodError): string {
  return e.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`).join('; ');
}

function normalizeAction(raw: string | undefined): CollectionAction | undefined {
  switch ((raw ?? '').toLowerCase()) {
    case 'allow': return 'Allow';
    case 'deny': return 'Deny';
    case 'dnat': return 'Dnat';
    case 'snat': return 'Snat';
    default: return undefined;
  }
}

function kindOfRuleType(raw: string | undefined): RuleKind | undefined {
  switch ((raw ?? '').toLowerCase()) {
    case 'networkrule': return 'Network';
    case 'applicationrule': return 'Application';
    case 'natrule': return 'Nat';
    default: return undefined;
  }
}

/** Application protocols: objects `{protocolType, port}` or CLI text `https:443` / `https=443`. */
function appProtocols(raw: readonly unknown[] | null | undefined, path: string, issues: RuleIssue[]): AppProtocol[] {
  const out: AppProtocol[] = [];
  (raw ?? []).forEach((p, i) => {
    if (typeof p === 'string') {
      const m = /^\s*(https?|mssql)\s*[:=]\s*(\d+)\s*$/i.exec(p);
      if (m?.[1] && m[2]) { out.push({ protocolType: m[1], port: Number(m[2]) }); return; }
    } else {
      const parsed = appProtocol.safeParse(p);
      if (parsed.success) { out.push({ protocolType: parsed.data.protocoltype, port: parsed.data.port }); return; }
    }
    issues.push({ code: 'InvalidRule', message: `unreadable application protocol ${JSON.stringify(p)}`, path: `${path}.protocols[${i}]` });
  });
  return out;
}

function ipProtocols(raw: readonly unknown[] | null | undefined): string[] {
  return (raw ?? []).filter((p): p is string => typeof p === 'string').map((p) => p.toUpperCase());
}

function toRule(kind: RuleKind, r: RawRule, position: number, path: string, issues: RuleIssue[]): RuleSpec {
  const base = { name: r.name, position, sourceAddresses: r.sourceaddresses, sourceIpGroups: r.sourceipgroups };
  if (kind === 'Application') {
    return {
      ...base, kind,
      protocols: appProtocols(r.protocols, path, issues),
      targetFqdns: r.targetfqdns, fqdnTags: r.fqdntags, webCategories: r.webcategories, targetUrls: r.targeturls,
      terminateTls: r.terminatetls ?? false,
      destinationAddresses: r.destinationaddresses,
    };
  }
  const protocols = ipProtocols(r.ipprotocols ?? r.protocols);
  if (kind === 'Nat') {
    return {
      ...base, kind, protocols,
      destinationAddresses: r.destinationaddresses, destinationPorts: r.destinationports,
      ...(r.translatedaddress ? { translatedAddress: r.translatedaddress } : {}),
      ...(r.translatedfqdn ? { translatedFqdn: r.translatedfqdn } : {}),
      ...(r.translatedport ? { translatedPort: r.translatedport } : {}),
    };
  }
  return {
    ...base, kind, protocols,
    destinationAddresses: r.destinationaddresses, destinationIpGroups: r.destinationipgroups,
    destinationFqdns: r.destinationfqdns, destinationPorts: r.destinationports,
  };
}

function readRules(
  rawRules: readonly unknown[], path: string, issues: RuleIssue[], kindOf: (r: RawRule) => RuleKind | undefined,
): { kind: RuleKind; rule: RuleSpec }[] {
  const out: { kind: RuleKind; rule: RuleSpec }[] = [];
  rawRules.forEach((raw, i) => {
    const rulePath = `${path}.rules[${i}]`;
    const parsed = ruleSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push({ code: 'InvalidRule', message: `rule skipped: ${zodMessage(parsed.error)}`, path: rulePath });
      return;
    }
    const kind = kindOf(parsed.data);
    if (!kind) {
      issues.push({ code: 'InvalidRule', message: `rule "${parsed.data.name}" has unknown ruleType "${parsed.data.ruletype ?? ''}"`, path: rulePath });
      return;
    }
    out.push({ kind, rule: toRule(kind, parsed.data, i, rulePath, issues) });
  });
  return out;
}

/**
 * Policy `ruleCollections` of one rule collection group. A filter collection holding both network
 * and application rules yields two specs (§2.3: each type joins its own pass).
 */
export function parsePolicyCollections(raw: readonly unknown[], basePath: string, issues: RuleIssue[]): CollectionSpec[] {
  const out: CollectionSpec[] = [];
  raw.forEach((item, i) => {
    const path = `${basePath}[${i}]`;
    const parsed = policyCollection.safeParse(lowerKeys(item));
    if (!parsed.success) {
      issues.push({ code: 'InvalidRuleCollection', message: `rule collection skipped: ${zodMessage(parsed.error)}`, path });
      return;
    }
    const c = parsed.data;
    const isNat = c.rulecollectiontype.toLowerCase() === 'firewallpolicynatrulecollection';
    const action = normalizeAction(c.action?.type);
    if (!action || (isNat && action !== 'Dnat') || (!isNat && action !== 'Allow' && action !== 'Deny')) {
      issues.push({ code: 'InvalidRuleCollection', message: `rule collection "${c.name}" has action "${c.action?.type ?? ''}"`, path: `${path}.action.type` });
      return;
    }
    const rules = readRules(c.rules ?? [], path, issues, (r) => kindOfRuleType(r.ruletype) ?? (isNat ? 'Nat' : undefined));
    for (const kind of ['Nat', 'Network', 'Application'] as const) {
      const ofKind = rules.filter((r) => r.kind === kind).map((r) => r.rule);
      if (kind === 'Nat' ? !isNat : isNat) {
        if (ofKind.length) issues.push({ code: 'InvalidRuleCollection', message: `rule collection "${c.name}" mixes NAT and filter rules`, path });
        continue;
      }
      if (ofKind.length || (rules.length === 0 && kind === (isNat ? 'Nat' : 'Network'))) {
        out.push({ name: c.name, priority: c.priority, action, kind, rules: ofKind });
      }
    }
  });
  return out;
}

/** Classic collections of one kind, from the firewall's `…RuleCollections` array. */
export function parseClassicCollections(kind: RuleKind, raw: readonly unknown[], basePath: string, issues: RuleIssue[]): CollectionSpec[] {
  const out: CollectionSpec[] = [];
  raw.forEach((item, i) => {
    const path = `${basePath}[${i}]`;
    const lowered = lowerKeys(item) as Record<string, unknown>;
    const props = lowered.properties && typeof lowered.properties === 'object' ? lowered.properties as Record<string, unknown> : {};
    const parsed = classicCollection.safeParse({ ...lowered, ...props });
    if (!parsed.success) {
      issues.push({ code: 'InvalidRuleCollection', message: `rule collection skipped: ${zodMessage(parsed.error)}`, path });
      return;
    }
    const c = parsed.data;
    const action = normalizeAction(c.action.type);
    const ok = kind === 'Nat' ? action === 'Dnat' || action === 'Snat' : action === 'Allow' || action === 'Deny';
    if (!action || !ok) {
      issues.push({ code: 'InvalidRuleCollection', message: `rule collection "${c.name}" has action "${c.action.type}"`, path: `${path}.properties.action.type` });
      return;
    }
    const rules = readRules(c.rules ?? [], `${path}.properties`, issues, () => kind).map((r) => r.rule);
    out.push({ name: c.name, priority: c.priority, action, kind, rules });
  });
  return out;
}
