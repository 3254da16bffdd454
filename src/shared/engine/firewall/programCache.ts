/**
 * One compiled program per firewall, reused for every flow while the snapshot answers the reads it
 * was built from with the same objects. Every call replays those reads through the (possibly
 * recording) snapshot, so incremental evaluation still sees that the verdict depends on them.
 */
import type { AzureFirewall } from '../../model/resources';
import type { Snapshot } from '../../model/snapshot';
import type { TagIndex } from '../../servicetags/tagIndex';
import type { TraceStep } from '../verdict';
import { scanCollection } from '../dependencyLog';
import { compileProgram, type FirewallProgram, type ProgramDep } from './compileProgram';
import type { FirewallAssumptions } from './firewallAssumptions';

/** A program plus the trace lines every flow through it starts with. */
export type CachedProgram =
  | (Extract<FirewallProgram, { ok: true }> & { readonly headerTrace: readonly TraceStep[] })
  | Extract<FirewallProgram, { ok: false }>;

interface Entry {
  readonly deps: readonly ProgramDep[];
  readonly tags: TagIndex;
  readonly fa: FirewallAssumptions;
  readonly program: CachedProgram;
}

const cache = new WeakMap<AzureFirewall, Entry>();

function stillValid(snapshot: Snapshot, e: Entry, tags: TagIndex, fa: FirewallAssumptions): boolean {
  if (e.tags !== tags || !sameAssumptions(e.fa, fa)) return false;
  let ok = true;
  // Replay every read even after a mismatch is found: the recording log must hold all of them.
  for (const d of e.deps) {
    const map = snapshot[d.collection] as ReadonlyMap<string, unknown>;
    const now = d.key === undefined ? scanCollection(map) : map.get(d.key);
    if (now !== d.value) ok = false;
  }
  return ok;
}

function sameAssumptions(a: FirewallAssumptions, b: FirewallAssumptions): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function header(fw: AzureFirewall, p: Extract<FirewallProgram, { ok: true }>): TraceStep[] {
  const steps: TraceStep[] = [];
  const chain = p.policyChain.map((x) => x.name).join(' → ');
  steps.push({
    layer: 'firewall', outcome: 'info', resourceId: fw.id, name: fw.name,
    detail: p.mode === 'Policy'
      ? `Azure Firewall ${fw.name} evaluates policy ${chain} (base first): DNAT, then network, then application rules; ${p.rules.length} rule(s); DNS proxy ${p.dnsProxy ? 'on' : 'off'}.`
      : `Azure Firewall ${fw.name} uses classic rule collections: NAT, then network, then application; ${p.rules.length} rule(s).`,
  });
  for (const i of p.issues) steps.push({ layer: 'firewall', outcome: 'info', resourceId: fw.id, detail: `Configuration: ${i.code}: ${i.message}` });
  return steps;
}

/** The firewall's program for this snapshot, compiled at most once while its inputs stay the same. */
export function programFor(snapshot: Snapshot, fw: AzureFirewall, tags: TagIndex, fa: FirewallAssumptions): CachedProgram {
  const hit = cache.get(fw);
  if (hit && stillValid(snapshot, hit, tags, fa)) return hit.program;
  const deps: ProgramDep[] = [];
  const compiled = compileProgram(snapshot, fw, tags, fa, deps);
  const program: CachedProgram = compiled.ok ? { ...compiled, headerTrace: header(fw, compiled) } : compiled;
  // Unreadable policies are cheap to re-detect and must be re-read each time: not cached.
  if (compiled.ok) cache.set(fw, { deps, tags, fa, program });
  return program;
}
