/**
 * The custom nodes, one memo component per graph node kind, and the module-level `nodeTypes` map
 * (React Flow re-mounts everything if the map changes identity).
 */
import { memo } from 'react';
import type { NodeProps, NodeTypes } from '@xyflow/react';
import type { FlowNode } from '../../graph/toFlow';
import { testIdOf } from '../../graph/ids';
import { Handles } from './Handles';
import { VerdictPills } from './VerdictPills';

const ICON: Readonly<Record<string, string>> = {
  compute: '⚙', privateEndpoint: '⇄', firewall: '🛡', natGateway: '⇡', dnsZone: 'DNS', workspace: '◆', target: '▣',
};

const LaneNode = memo(function LaneNode({ data }: NodeProps<FlowNode>) {
  return (
    <div className="lane" data-testid={`lane-${testIdOf(data.g.id)}`}>
      <div className="lane-title" title={`${data.g.label} · ${data.g.sublabel ?? ''}`}>{data.g.label} <span className="muted">· {data.g.sublabel}</span></div>
    </div>
  );
});

const VnetNode = memo(function VnetNode({ data, selected }: NodeProps<FlowNode>) {
  const g = data.g;
  return (
    <div className={`vnet${g.collapsed ? ' collapsed' : ''}${selected ? ' selected' : ''}`} data-testid={`vnet-${testIdOf(g.label)}`} data-collapsed={g.collapsed ? 'true' : 'false'}>
      <Handles />
      <div className="vnet-title" title="Double-click to collapse or expand">
        <span className="kind">VNet</span> <strong>{g.label}</strong> {g.faults > 0 && <span className="pill fault">⚠ {g.faults}</span>}
        <div className="muted small">{g.sublabel}</div>
      </div>
      {g.collapsed && g.counts && (
        <div className="vnet-summary">
          <span>{g.counts.subnets} subnets · {g.counts.resources} resources{g.counts.computes ? ` · ${g.counts.computes} compute` : ''}{g.counts.privateEndpoints ? ` · ${g.counts.privateEndpoints} PE` : ''}</span>
          <VerdictPills v={g.verdicts} />
        </div>
      )}
    </div>
  );
});

const SubnetNode = memo(function SubnetNode({ data, selected }: NodeProps<FlowNode>) {
  const g = data.g;
  return (
    <div className={`subnet${selected ? ' selected' : ''}${g.faults ? ' has-fault' : ''}`} data-testid={`subnet-${testIdOf(g.label)}`}>
      <Handles />
      <div className="subnet-title"><strong>{g.label}</strong> <span className="muted small">{g.sublabel}</span></div>
      <div className="badges">
        {g.badges.map((b, i) => <span key={i} className={`badge ${b.kind}`} title={b.title}>{b.text}</span>)}
        {g.faults > 0 && <span className="badge fault" title={`${g.faults} failed checks point here`}>⚠ {g.faults}</span>}
      </div>
    </div>
  );
});

const ResourceNode = memo(function ResourceNode({ data, selected }: NodeProps<FlowNode>) {
  const g = data.g;
  return (
    <div className={`resource ${g.resourceKind ?? ''}${selected ? ' selected' : ''}${g.faults ? ' has-fault' : ''}`} data-testid={`node-${g.resourceKind ?? 'resource'}-${testIdOf(g.label)}`} title={g.resourceId}>
      <Handles />
      <span className="icon">{ICON[g.resourceKind ?? ''] ?? '•'}</span>
      <span className="text">
        <strong>{g.label}</strong>
        {g.resourceKind === 'compute' && g.verdicts ? <VerdictPills v={g.verdicts} /> : <span className="muted small">{g.sublabel}</span>}
      </span>
      {g.resourceKind !== 'compute' && g.faults > 0 && <span className="pill fault">⚠ {g.faults}</span>}
    </div>
  );
});

const ExternalNode = memo(function ExternalNode({ data, selected }: NodeProps<FlowNode>) {
  const g = data.g;
  return (
    <div className={`external${selected ? ' selected' : ''}`} data-testid={`external-${testIdOf(g.label)}`} title={g.resourceId ?? g.label}>
      <Handles />
      <span className="icon">☁</span>
      <span className="text"><strong>{g.label}</strong><span className="muted small">{g.sublabel}</span></span>
    </div>
  );
});

/** Node components by graph node kind. */
export const nodeTypes: NodeTypes = { lane: LaneNode, vnet: VnetNode, subnet: SubnetNode, resource: ResourceNode, external: ExternalNode };
