/**
 * SARIF rule metadata, read from the requirements catalogue so code-scanning UIs explain each
 * finding with the same title, purpose and source as the app. Flows report under their catalogue
 * id (`O1`); checks report under their check kind (`dns-zone-linked`), whose descriptor names the
 * catalogue rows that state it.
 */
import { REQUIREMENTS } from '../requirements/catalogue';
import type { Requirement } from '../requirements/types';
import type { SarifReportingDescriptor } from './sarifTypes';

/** The kind part of a check id: `dns-zone-linked:privatelink.api.azureml.ms` → `dns-zone-linked`. */
export function checkKind(checkId: string): string {
  const i = checkId.indexOf(':');
  return i < 0 ? checkId : checkId.slice(0, i);
}

function requirementRule(r: Requirement): SarifReportingDescriptor {
  return {
    id: r.id,
    name: r.title,
    shortDescription: { text: r.title },
    fullDescription: { text: r.purpose },
    defaultConfiguration: { level: r.necessity === 'required' ? 'error' : 'warning' },
    properties: { kind: r.kind, necessity: r.necessity, source: r.source, section: r.section, tags: ['network', 'azure-machine-learning'] },
  };
}

function checkRule(kind: string, rows: readonly Requirement[]): SarifReportingDescriptor {
  const first = rows[0];
  return {
    id: kind,
    name: kind,
    shortDescription: { text: first ? first.title : kind },
    fullDescription: { text: rows.length ? rows.map((r) => `${r.id}: ${r.purpose}`).join(' ') : `VNetLens check ${kind}.` },
    defaultConfiguration: { level: 'error' },
    properties: { kind: 'check', requirements: rows.map((r) => r.id), tags: ['network', 'azure-machine-learning'] },
  };
}

/** Index into the driver's rules by rule id; grows for ids the catalogue does not list. */
export interface RuleTable {
  readonly rules: SarifReportingDescriptor[];
  readonly indexOf: (ruleId: string, isCheck: boolean) => number;
}

/** Every catalogue row, then every check kind the catalogue names. */
export function buildRuleTable(): RuleTable {
  const rules: SarifReportingDescriptor[] = REQUIREMENTS.map(requirementRule);
  const kinds = new Map<string, Requirement[]>();
  for (const r of REQUIREMENTS) {
    for (const id of r.checkIds ?? []) kinds.set(id, [...(kinds.get(id) ?? []), r]);
  }
  for (const [kind, rows] of kinds) rules.push(checkRule(kind, rows));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    rules,
    indexOf(ruleId, isCheck) {
      const known = index.get(ruleId);
      if (known !== undefined) return known;
      // An id the catalogue does not know still needs a descriptor, or ruleIndex would dangle.
      rules.push(isCheck ? checkRule(ruleId, []) : { id: ruleId, shortDescription: { text: `Requirement ${ruleId}` } });
      index.set(ruleId, rules.length - 1);
      return rules.length - 1;
    },
  };
}
