/**
 * The what-if part of the flow inspector: verified suggested fixes for a red/amber flow (Apply pushes
 * their edits), and the manual edits a user reaches for: a rule in the NSG at fault, a DNS zone link.
 */
import { useMemo, useState } from 'react';
import type { ComputeVerdict, FlowVerdict } from '../../shared/engine/verdict';
import { idKey } from '../../shared/model/armId';
import { flowKey } from '../../shared/whatif/diffVerdicts';
import { suggestFixes, type SuggestedFix } from '../../shared/whatif/suggestFixes';
import type { LoadedEstate } from '../state/loadEstate';
import { DnsLinkForm } from './DnsLinkForm';
import { NsgRuleForm } from './NsgRuleForm';
import { SuggestedFixes } from './SuggestedFixes';
import { pushEdits, useWhatIf, whatIfEvaluator } from './whatifStore';

/** The NSG a flow was decided by, else the NSG of the compute's subnet. */
function nsgAtFault(estate: LoadedEstate, compute: ComputeVerdict, flow: FlowVerdict) {
  const s = estate.snapshot;
  const d = flow.decidedBy;
  const decided = d.layer === 'nsg' && d.resourceId ? s.nsgs.get(idKey(d.resourceId)) : undefined;
  if (decided) return decided;
  const subnet = compute.subnetId ? s.subnets.get(idKey(compute.subnetId)) : undefined;
  return subnet?.nsgId ? s.nsgs.get(idKey(subnet.nsgId)) : undefined;
}

/** A DNS zone named by the flow's decision or trace. */
function zoneAtFault(estate: LoadedEstate, compute: ComputeVerdict, flow: FlowVerdict): string | undefined {
  const ids = [flow.decidedBy.resourceId, ...flow.trace.map((t) => t.resourceId), ...compute.checks.filter((c) => c.status !== 'pass').map((c) => c.resourceId)];
  return ids.map((id) => (id ? estate.snapshot.dnsZones.get(idKey(id))?.id : undefined)).find(Boolean);
}

/** Fixes and edits for one flow. */
export function FlowWhatIf({ estate, compute, flow }: { estate: LoadedEstate; compute: ComputeVerdict; flow: FlowVerdict }): React.JSX.Element {
  const [form, setForm] = useState<'nsg' | 'dns'>();
  const setNotice = useWhatIf((s) => s.setNotice);
  const key = flowKey(compute.id, flow);
  const fixes = useMemo(
    () => (flow.status === 'allowed' ? [] : suggestFixes(estate.snapshot, estate.verdict, key, { evaluator: whatIfEvaluator })),
    [estate.snapshot, estate.verdict, key, flow.status],
  );
  const nsg = nsgAtFault(estate, compute, flow);
  const vnetId = compute.subnetId ? estate.snapshot.subnets.get(idKey(compute.subnetId))?.vnetId : undefined;
  const apply = (fix: SuggestedFix) => {
    const err = pushEdits(fix.edits);
    setNotice(err ? { kind: 'error', text: `${fix.title}: ${err.message}` } : { kind: 'info', text: `Applied: ${fix.title} — ${fix.diff.summary}` });
  };
  return (
    <section className="flow-whatif" data-testid="flow-whatif">
      {flow.status !== 'allowed' && (
        <>
          <h4>Suggested fixes</h4>
          <SuggestedFixes fixes={fixes} onApply={apply} />
        </>
      )}
      <h4>What if…</h4>
      <div className="wi-row">
        <button type="button" className="ghost small" data-testid="open-nsg-rule-form" disabled={!nsg} title={nsg ? `Add a rule to ${nsg.name}` : 'No NSG on this compute\'s subnet'} onClick={() => setForm(form === 'nsg' ? undefined : 'nsg')}>+ NSG rule</button>
        <button type="button" className="ghost small" data-testid="open-dns-link-form" disabled={estate.snapshot.dnsZones.size === 0} onClick={() => setForm(form === 'dns' ? undefined : 'dns')}>+ DNS zone link</button>
      </div>
      {form === 'nsg' && nsg && <NsgRuleForm key={key} nsg={nsg} tags={estate.snapshot.serviceTags} flow={flow} onDone={() => setForm(undefined)} />}
      {form === 'dns' && <DnsLinkForm key={key} snapshot={estate.snapshot} {...(zoneAtFault(estate, compute, flow) ? { zoneId: zoneAtFault(estate, compute, flow)! } : {})} {...(vnetId ? { vnetId } : {})} onDone={() => setForm(undefined)} />}
    </section>
  );
}
