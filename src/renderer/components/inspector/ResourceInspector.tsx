/** Any other node: what it is and the facts the checks read (prefixes, rules, routes, links, state). */
import { idKey, lastSegment } from '../../../shared/model/armId';
import type { GraphNode } from '../../graph/types';
import type { LoadedEstate } from '../../state/loadEstate';
import { useSelectResource } from './useSelectResource';

function Rules({ estate, nsgId }: { estate: LoadedEstate; nsgId: string }): React.JSX.Element | null {
  const nsg = estate.snapshot.nsgs.get(idKey(nsgId));
  if (!nsg) return null;
  const rules = [...nsg.securityRules, ...nsg.defaultSecurityRules].sort((a, b) => a.direction.localeCompare(b.direction) || a.priority - b.priority);
  return (
    <>
      <h4>NSG {nsg.name}</h4>
      <table className="rules"><tbody>
        {rules.map((r) => (
          <tr key={r.id || r.name} className={r.access === 'Deny' ? 'deny' : 'allow'}>
            <td>{r.priority}</td><td>{r.direction === 'Inbound' ? 'in' : 'out'}</td><td>{r.access}</td><td>{r.name}</td>
            <td className="small">{r.protocol} {r.destinationAddressPrefixes.join(',')}:{r.destinationPortRanges.join(',')}</td>
          </tr>
        ))}
      </tbody></table>
    </>
  );
}

/** Inspector body for a non-compute node. */
export function ResourceInspector({ estate, node }: { estate: LoadedEstate; node: GraphNode }): React.JSX.Element {
  const s = estate.snapshot;
  const key = node.id;
  const selectResource = useSelectResource(estate);
  const vnet = s.vnets.get(key);
  const subnet = s.subnets.get(key);
  const pe = s.privateEndpoints.get(key);
  const zone = s.dnsZones.get(key);
  const faults = estate.verdict.computes.flatMap((c) => c.checks.filter((k) => k.status === 'fail' && k.resourceId && idKey(k.resourceId) === key).map((k) => ({ c, k })));
  return (
    <div data-testid="resource-inspector">
      <h3>{node.label}</h3>
      <p className="muted">{node.resourceKind ?? node.kind}{node.sublabel ? ` · ${node.sublabel}` : ''}</p>
      {node.resourceId && <p className="small mono">{node.resourceId}</p>}
      {faults.length > 0 && <ul className="checks">{faults.map(({ c, k }) => <li key={c.id + k.id} className="check fail"><span className="pill fault">⚠</span> {k.message} <span className="muted">({c.name})</span></li>)}</ul>}
      {vnet && (
        <>
          <p>Address space {vnet.addressPrefixes.join(', ')}</p>
          <p>DNS {vnet.dnsServers.length ? vnet.dnsServers.join(', ') : 'Azure-provided (168.63.129.16)'}</p>
          <h4>Peerings</h4>
          <ul>{vnet.peeringIds.map((p) => s.peerings.get(idKey(p))).filter((p) => p).map((p) => (
            <li key={p!.id}>{p!.name} → <button className="link" onClick={() => selectResource(p!.remoteVnetId)}>{lastSegment(p!.remoteVnetId)}</button> <span className={`pill ${p!.peeringState === 'Connected' ? 'allowed' : 'blocked'}`}>{p!.peeringState}</span>
              <span className="muted small"> access {String(p!.allowVirtualNetworkAccess)} · forwarded {String(p!.allowForwardedTraffic)}</span></li>
          ))}</ul>
        </>
      )}
      {subnet && (
        <>
          <p>Prefixes {subnet.addressPrefixes.join(', ')} · {subnet.usedAddressCount} addresses used</p>
          <div className="badges">{node.badges.map((b, i) => <span key={i} className={`badge ${b.kind}`}>{b.title}</span>)}</div>
          {subnet.nsgId && <Rules estate={estate} nsgId={subnet.nsgId} />}
          {subnet.routeTableId && (() => {
            const rt = s.routeTables.get(idKey(subnet.routeTableId));
            return rt ? (<><h4>Routes ({rt.name})</h4><ul>{rt.routes.map((r) => <li key={r.id || r.name}>{r.addressPrefix} → {r.nextHopType}{r.nextHopIpAddress ? ` ${r.nextHopIpAddress}` : ''} <span className="muted">{r.name}</span></li>)}</ul></>) : null;
          })()}
        </>
      )}
      {pe && (
        <>
          <p>IPs {pe.privateIps.join(', ') || '—'}</p>
          <ul>{pe.connections.map((c) => <li key={c.name}>{c.groupIds.join(', ')} → <button className="link" onClick={() => selectResource(c.targetId)}>{lastSegment(c.targetId)}</button> <span className="muted">{c.status}</span></li>)}</ul>
        </>
      )}
      {zone && (
        <>
          <h4>Linked VNets</h4>
          <ul>{zone.links.map((l) => <li key={l.id}><button className="link" onClick={() => selectResource(l.vnetId)}>{lastSegment(l.vnetId)}</button> <span className="muted">{l.linkState}{l.registrationEnabled ? ' · registration' : ''}</span></li>)}</ul>
          <h4>A records</h4>
          <ul>{Object.entries(zone.aRecords).map(([n, ips]) => <li key={n}>{n} → {ips.join(', ')}</li>)}</ul>
        </>
      )}
    </div>
  );
}
