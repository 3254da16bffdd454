/** Link a private DNS zone to a VNet (the usual fix for a private endpoint name that resolves publicly). */
import { useState } from 'react';
import type { Snapshot } from '../../shared/model/snapshot';
import { sameId } from '../../shared/model/armId';
import { pushEdits } from './whatifStore';

/** `zoneId` / `vnetId` preselect the likely pair (the zone at fault, the compute's VNet). */
export function DnsLinkForm({ snapshot, zoneId, vnetId, onDone }: { snapshot: Snapshot; zoneId?: string; vnetId?: string; onDone: () => void }): React.JSX.Element {
  const zones = [...snapshot.dnsZones.values()].sort((a, b) => a.zoneName.localeCompare(b.zoneName));
  const vnets = [...snapshot.vnets.values()].sort((a, b) => a.name.localeCompare(b.name));
  const [zone, setZone] = useState(zoneId ?? zones[0]?.id ?? '');
  const [vnet, setVnet] = useState(vnetId ?? vnets[0]?.id ?? '');
  const [error, setError] = useState<{ field: string; message: string }>();
  const linked = zones.find((z) => z.id === zone)?.links.some((l) => sameId(l.vnetId, vnet));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const err = pushEdits([{ kind: 'dnsZone.link', zoneId: zone, vnetId: vnet }]);
    if (err) setError(err);
    else onDone();
  };
  return (
    <form className="wi-form" data-testid="dns-link-form" onSubmit={submit}>
      <label className={`wi-field${error?.field === 'zoneId' ? ' invalid' : ''}`}><span>Zone</span>
        <select data-testid="dns-zone" value={zone} onChange={(e) => { setZone(e.target.value); setError(undefined); }}>
          {zones.map((z) => <option key={z.id} value={z.id}>{z.zoneName} ({z.resourceGroup})</option>)}
        </select>
        {error?.field === 'zoneId' && <small className="wi-error" role="alert">{error.message}</small>}
      </label>
      <label className={`wi-field${error?.field === 'vnetId' || linked ? ' invalid' : ''}`}><span>VNet</span>
        <select data-testid="dns-vnet" value={vnet} onChange={(e) => { setVnet(e.target.value); setError(undefined); }}>
          {vnets.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
        </select>
        {(error?.field === 'vnetId' || linked) && <small className="wi-error" role="alert">{error?.message ?? 'Already linked to this VNet.'}</small>}
      </label>
      {error && error.field !== 'zoneId' && error.field !== 'vnetId' && <p className="wi-error" role="alert">{error.message}</p>}
      <div className="wi-row">
        <button type="submit" data-testid="dns-link-add" disabled={!zone || !vnet || !!linked}>Link</button>
        <button type="button" className="ghost" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}
