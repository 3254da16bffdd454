/**
 * `vnetlens check --format table` (the default): a report for people. Per compute, its flows
 * grouped red / amber / green with the rule that decided each, then failed checks; at the end a
 * summary line and the assumptions in force, so nobody mistakes an assumption for a fact.
 */
import type { ComputeVerdict, EstateVerdict, FlowVerdict } from '../engine/verdict';
import { lastSegment } from '../model/armId';
import { paint, type Paint } from './ansi';
import { decidedByText } from './decidedByText';
import { checkLight, flowLight, type Light } from './flowGroups';
import { padEnd, truncate, visibleLength, wrapText } from './textLayout';

/** How to lay the table out. */
export interface TableOptions {
  /** ANSI colours; only when the caller knows the output is a colour terminal. */
  readonly color: boolean;
  /** Terminal columns; 100 when not given. */
  readonly width?: number;
}

const DEFAULT_WIDTH = 100;
const MARK: Readonly<Record<Light, string>> = { red: '✗', amber: '?', green: '✓' };
const HEADINGS: Readonly<Record<Light, string>> = {
  red: 'RED · required flows blocked',
  amber: 'AMBER · unknown, or blocked but situational',
  green: 'GREEN · allowed',
};

/** A peer that is an ARM id is shown by its name; tags and FQDNs as they are. */
function peerText(peer: string): string {
  return peer.startsWith('/subscriptions/') ? lastSegment(peer) : peer;
}

function flowLine(f: FlowVerdict, light: Light, peerWidth: number, width: number, p: Paint): string[] {
  const head = `    ${MARK[light]} ${padEnd(f.requirement, 4)} ${f.direction === 'Inbound' ? 'In ' : 'Out'} ${padEnd(f.protocol, 3)} ${padEnd(String(f.port), 5)} `;
  const peer = padEnd(truncate(peerText(f.peer), peerWidth), peerWidth);
  const decided = decidedByText(f.decidedBy);
  const room = width - head.length - peerWidth - 1;
  // The deciding rule is the point of the line: never cut it, move it to its own line instead.
  const lines = visibleLength(decided) <= room
    ? [p.light(light, head + peer) + ' ' + decided]
    : [p.light(light, (head + peer).trimEnd()), ...wrapText(`↳ ${decided}`, width, '        ')];
  // Only red and amber flows need the why spelled out; green ones are summarised by their rule.
  if (light !== 'green' && f.explanation) lines.push(...wrapText(f.explanation, width, '        ').map(p.dim));
  return lines;
}

function computeBlock(c: ComputeVerdict, width: number, p: Paint): string[] {
  const ip = c.publicIp ? 'public IP' : 'no public IP';
  const subnet = c.subnetId ? c.subnetId.split('/').slice(-3).filter((_s, i) => i !== 1).join('/') : '(no subnet)';
  const lines = [
    p.bold(truncate(`${c.name} · ${c.kind} · ${ip} · ${c.region || 'region unknown'}`, width)),
    truncate(`  subnet ${subnet} · workspace ${lastSegment(c.workspaceId)}`, width),
  ];
  // One peer column per compute, as wide as its longest peer up to a third of the line.
  const longest = Math.max(8, ...c.flows.map((f) => visibleLength(peerText(f.peer))));
  const peerWidth = Math.min(Math.floor(width / 3), longest);
  for (const light of ['red', 'amber', 'green'] as const) {
    const flows = c.flows.filter((f) => flowLight(f) === light);
    if (!flows.length) continue;
    lines.push(p.light(light, `  ${HEADINGS[light]} (${flows.length})`));
    for (const f of flows) lines.push(...flowLine(f, light, peerWidth, width, p));
  }
  if (!c.flows.length) lines.push('  (no flows apply to this compute)');
  const notPassed = c.checks.filter((k) => k.status !== 'pass');
  if (notPassed.length) {
    const worst = notPassed.some((k) => k.status === 'fail') ? 'red' : 'amber';
    lines.push(p.light(worst, `  CHECKS · failed or warning (${notPassed.length})`));
    for (const k of notPassed) {
      const light = checkLight(k);
      lines.push(p.light(light, truncate(`    ${MARK[light]} ${k.status.toUpperCase()} ${k.id}`, width)));
      lines.push(...wrapText(k.message, width, '        ').map(p.dim));
    }
  }
  const passed = c.checks.length - notPassed.length;
  if (passed) lines.push(p.dim(`  ${passed} check${passed === 1 ? '' : 's'} passed`));
  return lines;
}

/** Render the verdict for a terminal; ends with a newline. */
export function formatTable(v: EstateVerdict, options: TableOptions): string {
  const width = Math.max(60, options.width ?? DEFAULT_WIDTH);
  const p = paint(options.color);
  const lines: string[] = [];
  if (!v.computes.length) lines.push('No Azure ML computes found in the input.', '');
  for (const c of v.computes) lines.push(...computeBlock(c, width, p), '');
  const s = v.summary;
  const summary = `Summary: ${s.allowed} allowed · ${s.blocked} blocked · ${s.unknown} unknown · ${s.failedChecks} failed check${s.failedChecks === 1 ? '' : 's'}`;
  const worst: Light = v.computes.some((c) => c.flows.some((f) => flowLight(f) === 'red') || c.checks.some((k) => k.status === 'fail'))
    ? 'red' : s.unknown || v.computes.some((c) => c.checks.some((k) => k.status === 'warn')) ? 'amber' : 'green';
  lines.push(p.bold(p.light(worst, summary)));
  if (v.assumptions.length) {
    lines.push('Assumptions in force:');
    for (const a of v.assumptions) {
      const base = truncate(`  ${a.id} = ${a.value || '(none)'}`, width);
      const room = width - base.length - 2;
      lines.push(a.description && room > 10 ? `${base}  ${p.dim(truncate(a.description, room))}` : base);
    }
  }
  return lines.join('\n') + '\n';
}
