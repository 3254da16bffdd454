/**
 * One flow: verdict, deciding rule and priority, the ordered trace (NSG rules, route, peering, DNS
 * answer…), a link that selects the resource at fault, and the requirement's purpose and source.
 */
import type { DecidedBy, FlowVerdict } from '../../../shared/engine/verdict';
import { idKey, lastSegment } from '../../../shared/model/armId';
import { requirementById } from '../../../shared/requirements/catalogue';
import { STATUS_ICON } from '../../graph/flowEdges';
import type { LoadedEstate } from '../../state/loadEstate';
import { useApp } from '../../state/store';
import { useSelectResource } from './useSelectResource';
import { FlowWhatIf } from '../../whatif/FlowWhatIf';
import { FlowAssumptions } from '../../assumptions/FlowAssumptions';

// Label/value pairs line up in two columns without a stylesheet rule of our own.
const FW_GRID: React.CSSProperties = { display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '2px 8px', margin: '6px 0 0' };

/**
 * Where a firewall rule sits: policy → rule collection group (priority) → rule collection (priority)
 * → rule, the path an architect follows in the portal to change it.
 */
function FirewallDecision({ d }: { d: DecidedBy }): React.JSX.Element {
  const rows: [string, React.ReactNode][] = [];
  if (d.policyId) rows.push(['Policy', lastSegment(d.policyId)]);
  else if (d.resourceId) rows.push(['Firewall', lastSegment(d.resourceId)]);
  if (d.ruleCollectionGroup) rows.push(['Rule collection group', <>{d.ruleCollectionGroup}{d.ruleCollectionGroupPriority !== undefined && <> · priority <strong>{d.ruleCollectionGroupPriority}</strong></>}</>]);
  const rcPriority = d.ruleCollectionPriority ?? (d.ruleCollection ? d.priority : undefined);
  if (d.ruleCollection) rows.push(['Rule collection', <>{d.ruleCollection}{rcPriority !== undefined && <> · priority <strong>{rcPriority}</strong></>}</>]);
  if (d.name) rows.push(['Rule', <strong>{d.name}</strong>]);
  return (
    <>
      <span className="label">Decided by</span> Azure Firewall
      <dl data-testid="firewall-decision" style={FW_GRID}>
        {rows.map(([k, v]) => [<dt key={`${k}-t`} className="label">{k}</dt>, <dd key={`${k}-d`} style={{ margin: 0 }}>{v}</dd>])}
      </dl>
    </>
  );
}

/** Detail of flow `flowIndex` of compute `computeIndex`. */
export function FlowDetail({ estate, computeIndex, flowIndex }: { estate: LoadedEstate; computeIndex: number; flowIndex: number }): React.JSX.Element {
  const compute = estate.verdict.computes[computeIndex];
  const flow: FlowVerdict | undefined = compute?.flows[flowIndex];
  const selectResource = useSelectResource(estate);
  const select = useApp((s) => s.select);
  if (!compute || !flow) return <p className="muted">This flow no longer exists.</p>;
  const row = requirementById(flow.requirement);
  const d = flow.decidedBy;
  return (
    <div className="flow-detail" data-testid="flow-detail" data-status={flow.status}>
      <button className="link" onClick={() => select({ kind: 'node', id: idKey(compute.id) })}>← {compute.name}</button>
      <h3><span className={`status ${flow.status}`}>{STATUS_ICON[flow.status]} {flow.status}</span> {flow.requirement} {row ? `· ${row.title}` : ''}</h3>
      <p className="muted">{flow.direction} {flow.protocol}/{flow.port} {flow.direction === 'Inbound' ? 'from' : 'to'} <code>{flow.peer}</code>{flow.required ? '' : ' (situational)'}</p>
      <p data-testid="flow-explanation">{flow.explanation}</p>
      <FlowAssumptions flow={flow} inEffect={estate.verdict.assumptions} />
      <div className="decided" data-testid="deciding-rule">
        {d.layer === 'firewall' ? <FirewallDecision d={d} /> : (
          <>
            <span className="label">Decided by</span> {d.layer}{d.name ? <> · <strong>{d.name}</strong></> : null}
            {d.priority !== undefined && <> · priority <strong>{d.priority}</strong></>}
          </>
        )}
        {d.resourceId && <div><button className="link" data-testid="select-at-fault" onClick={() => selectResource(d.resourceId)}>Select {lastSegment(d.resourceId)} in the graph</button></div>}
      </div>
      <h4>Trace</h4>
      <ol className="trace" data-testid="trace">
        {flow.trace.map((t, i) => (
          <li key={i} className={`step ${t.outcome}`}>
            <span className="layer">{t.layer}</span> <span className={`outcome ${t.outcome}`}>{t.outcome}</span>
            {t.name && <> · <strong>{t.name}</strong></>}{t.priority !== undefined && <> · {t.priority}</>}
            <div className="small">{t.detail}</div>
            {t.resourceId && <button className="link small" onClick={() => selectResource(t.resourceId)}>{lastSegment(t.resourceId)}</button>}
          </li>
        ))}
      </ol>
      <FlowWhatIf estate={estate} compute={compute} flow={flow} />
      {row && (
        <div className="requirement" data-testid="requirement-source">
          <h4>Why it is needed</h4>
          <p>{row.purpose}</p>
          <p className="muted small">Source {row.source} · semantics {row.section}</p>
        </div>
      )}
    </div>
  );
}
