/**
 * `vnetlens check --format sarif`: SARIF 2.1.0 so code-scanning UIs (GitHub, Azure DevOps) show
 * blocked flows next to the estate file. One result per blocked flow (error when required, warning
 * when situational), per unknown flow (note) and per failed (error) or warning (warning) check.
 */
import type { CheckResult, ComputeVerdict, EstateVerdict, FlowVerdict } from '../engine/verdict';
import { decidedByText } from './decidedByText';
import { buildRuleTable, checkKind, type RuleTable } from './sarifRules';
import type { SarifLevel, SarifLocation, SarifLog, SarifLogicalLocation, SarifResult } from './sarifTypes';

export type * from './sarifTypes';

/** Where the findings point. */
export interface SarifOptions {
  /** The input file as the scanning UI should link it (relative to the repository root when possible). */
  readonly inputUri: string;
  readonly toolVersion?: string;
  /** Line of a resource in the input file, when the caller can find it (1-based). */
  readonly lineOf?: (resourceId: string) => number | undefined;
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

function resourceLocation(id: string): SarifLogicalLocation {
  return { name: id.split('/').pop() ?? id, fullyQualifiedName: id, kind: 'resource' };
}

function location(c: ComputeVerdict, faultId: string | undefined, o: SarifOptions): SarifLocation {
  const logical = [resourceLocation(c.id)];
  if (faultId && faultId.toLowerCase() !== c.id.toLowerCase()) logical.push(resourceLocation(faultId));
  const line = (faultId && o.lineOf?.(faultId)) || o.lineOf?.(c.id) || 1;
  return {
    physicalLocation: { artifactLocation: { uri: o.inputUri, index: 0 }, region: { startLine: line } },
    logicalLocations: logical,
  };
}

function flowLevel(f: FlowVerdict): SarifLevel | undefined {
  if (f.status === 'blocked') return f.required ? 'error' : 'warning';
  if (f.status === 'unknown') return 'note';
  return undefined;
}

function flowResult(c: ComputeVerdict, f: FlowVerdict, level: SarifLevel, rules: RuleTable, o: SarifOptions): SarifResult {
  const what = `${f.requirement} ${f.direction} ${f.protocol} ${f.port} ${f.direction === 'Inbound' ? 'from' : 'to'} ${f.peer}`;
  const verdict = f.status === 'blocked' ? `is blocked by ${decidedByText(f.decidedBy)}` : `cannot be decided (${decidedByText(f.decidedBy)})`;
  const faultId = f.decidedBy.resourceId ?? f.peerResourceId;
  return {
    ruleId: f.requirement,
    ruleIndex: rules.indexOf(f.requirement, false),
    level,
    message: { text: `${c.name}: ${what} ${verdict}. ${f.explanation}`.trim() },
    locations: [location(c, faultId, o)],
    partialFingerprints: { vnetlensFlow: [c.id, f.requirement, f.direction, f.protocol, f.port, f.peer].join('|').toLowerCase() },
    properties: { computeId: c.id, status: f.status, required: f.required, layer: f.decidedBy.layer, ...(faultId ? { resourceAtFault: faultId } : {}) },
  };
}

function checkResult(c: ComputeVerdict, k: CheckResult, rules: RuleTable, o: SarifOptions): SarifResult {
  const kind = checkKind(k.id);
  return {
    ruleId: kind,
    ruleIndex: rules.indexOf(kind, true),
    level: k.status === 'fail' ? 'error' : 'warning',
    message: { text: `${c.name}: check ${k.id} ${k.status === 'fail' ? 'failed' : 'warns'}. ${k.message}`.trim() },
    locations: [location(c, k.resourceId, o)],
    partialFingerprints: { vnetlensCheck: [c.id, k.id].join('|').toLowerCase() },
    properties: { computeId: c.id, checkId: k.id, status: k.status, ...(k.resourceId ? { resourceAtFault: k.resourceId } : {}) },
  };
}

/** Build the SARIF log of one check run. */
export function toSarif(v: EstateVerdict, options: SarifOptions): SarifLog {
  const rules = buildRuleTable();
  const results: SarifResult[] = [];
  for (const c of v.computes) {
    for (const f of c.flows) {
      const level = flowLevel(f);
      if (level) results.push(flowResult(c, f, level, rules, options));
    }
    for (const k of c.checks) {
      if (k.status !== 'pass') results.push(checkResult(c, k, rules, options));
    }
  }
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'vnetlens', ...(options.toolVersion ? { version: options.toolVersion } : {}), rules: rules.rules } },
      artifacts: [{ location: { uri: options.inputUri } }],
      results,
      properties: { summary: v.summary, assumptions: v.assumptions.map((a) => ({ id: a.id, value: a.value })) },
    }],
  };
}
