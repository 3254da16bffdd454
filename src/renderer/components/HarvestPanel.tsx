/** The harvest dialog: sign-in method, cloud, tenant, subscriptions, live progress, cancel, warnings. */
import { useEffect, useState } from 'react';
import type { CloudName, HarvestProgress, HarvestRequest, SignInMethod, SignInPrompt, SubscriptionInfo } from '../../shared/harvest/types';
import type { SnapshotFile } from '../../shared/model/snapshotFile';
import { getApi } from '../transport/api';
import { fromSnapshotFile } from '../state/loadEstate';
import { useApp } from '../state/store';
import { SignInPromptCard } from './SignInPromptCard';

const SIGN_IN: readonly [SignInMethod, string][] = [
  ['azureCli', 'Azure CLI (az login)'], ['interactiveBrowser', 'Browser sign-in'], ['deviceCode', 'Device code'],
  ['default', 'Default credential chain'], ['accessToken', 'Access token (AZURE_ACCESS_TOKEN)'],
];
const CLOUDS: readonly CloudName[] = ['AzureCloud', 'AzureChinaCloud', 'AzureUSGovernment', 'Custom'];

/** Progress as a fraction, from the last event. */
function fraction(p: HarvestProgress | undefined): number {
  return p && p.totalSteps > 0 ? Math.min(1, p.completedSteps / p.totalSteps) : 0;
}

/** The harvest form and its progress. */
export function HarvestPanel({ onClose }: { onClose: () => void }): React.JSX.Element {
  const [signIn, setSignIn] = useState<SignInMethod>('azureCli');
  const [cloud, setCloud] = useState<CloudName>('AzureCloud');
  const [armEndpoint, setArmEndpoint] = useState('');
  const [tenantId, setTenantId] = useState('');
  const [subs, setSubs] = useState<readonly SubscriptionInfo[]>([]);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [phase, setPhase] = useState<'form' | 'running' | 'done' | 'failed'>('form');
  const [progress, setProgress] = useState<HarvestProgress>();
  const [warnings, setWarnings] = useState<string[]>([]);
  const [message, setMessage] = useState<string>();
  const [listing, setListing] = useState(false);
  const [result, setResult] = useState<SnapshotFile>();
  // What a waiting sign-in asks of the user; gone once the call it belongs to moves on or ends.
  const [signInPrompt, setSignInPrompt] = useState<SignInPrompt>();

  useEffect(() => getApi().on['harvest:signIn'](setSignInPrompt), []);
  useEffect(() => getApi().on['harvest:progress']((p) => {
    setSignInPrompt(undefined); // progress means the sign-in went through
    setProgress(p);
    if ((p.state === 'failed' || p.state === 'skipped') && p.message) setWarnings((w) => [...w, `${p.subscriptionId} ${p.resourceType}: ${p.message}`]);
  }), []);

  const request = (): HarvestRequest => ({
    cloud, signIn, via: 'arm', subscriptions: [...chosen], all: chosen.size === 0,
    ...(armEndpoint.trim() ? { armEndpoint: armEndpoint.trim() } : {}), ...(tenantId.trim() ? { tenantId: tenantId.trim() } : {}),
  });
  const list = async () => {
    setMessage(undefined);
    setListing(true);
    const r = await getApi().invoke['harvest:listSubscriptions'](request());
    setListing(false);
    setSignInPrompt(undefined);
    if (!r.ok) return setMessage(r.error.message);
    setSubs(r.value);
  };
  const start = async () => {
    setPhase('running');
    setWarnings([]);
    setProgress(undefined);
    setMessage(undefined);
    const r = await getApi().invoke['harvest:start'](request());
    setSignInPrompt(undefined);
    if (!r.ok) {
      setPhase('failed');
      return setMessage(r.error.code === 'cancelled' ? 'Harvest cancelled.' : r.error.message);
    }
    setResult(r.value);
    setWarnings((w) => [...w, ...r.value.warnings.map((x) => x.message), ...r.value.missing.map((m) => `not readable: ${m.subscriptionId ?? ''} ${m.resourceType ?? m.resourceId ?? ''} ${m.reason}`)]);
    setPhase('done');
  };
  const open = () => {
    if (!result) return;
    try {
      useApp.getState().setEstate(fromSnapshotFile(result, `harvest ${new Date().toISOString().slice(0, 16)}`));
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    }
  };
  const pct = phase === 'done' ? 100 : Math.round(fraction(progress) * 100);

  return (
    <section className="card harvest" data-testid="harvest-panel">
      <h2>Harvest from Azure</h2>
      <div className="form-grid">
        <label>Sign-in<select data-testid="harvest-signin" value={signIn} onChange={(e) => setSignIn(e.target.value as SignInMethod)} disabled={phase === 'running'}>
          {SIGN_IN.map(([v, l]) => <option key={v} value={v}>{l}</option>)}</select></label>
        <label>Cloud<select data-testid="harvest-cloud" value={cloud} onChange={(e) => setCloud(e.target.value as CloudName)} disabled={phase === 'running'}>
          {CLOUDS.map((c) => <option key={c} value={c}>{c}</option>)}</select></label>
        {cloud === 'Custom' && <label>ARM endpoint<input data-testid="harvest-endpoint" value={armEndpoint} placeholder="https://management.example" onChange={(e) => setArmEndpoint(e.target.value)} /></label>}
        <label>Tenant<input data-testid="harvest-tenant" value={tenantId} placeholder="(default)" onChange={(e) => setTenantId(e.target.value)} /></label>
      </div>
      <div className="row">
        <button className="ghost" data-testid="harvest-list" onClick={() => void list()} disabled={phase === 'running' || listing}>List subscriptions</button>
        <span className="muted" data-testid="harvest-list-status">{listing ? 'Listing subscriptions…' : chosen.size ? `${chosen.size} chosen` : 'all subscriptions'}</span>
      </div>
      {subs.length > 0 && (
        <ul className="subs" data-testid="harvest-subscriptions">
          {subs.map((s) => (
            <li key={s.subscriptionId}><label><input type="checkbox" checked={chosen.has(s.subscriptionId)} onChange={(e) => {
              const next = new Set(chosen);
              if (e.target.checked) next.add(s.subscriptionId); else next.delete(s.subscriptionId);
              setChosen(next);
            }} /> {s.displayName} <span className="muted">{s.subscriptionId}</span></label></li>
          ))}
        </ul>
      )}
      {signInPrompt && <SignInPromptCard prompt={signInPrompt} />}
      {phase !== 'form' && (
        <div className="progress-wrap">
          <div className="progress" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100} data-testid="harvest-progress" data-state={phase}>
            <div className="progress-bar" style={{ width: `${pct}%` }} />
          </div>
          <div className="muted" data-testid="harvest-step">{phase === 'done' ? `Done: ${result?.resources.length ?? 0} resources` : progress ? `${progress.resourceType} · ${progress.subscriptionId} · ${progress.items} items (${progress.completedSteps}/${progress.totalSteps})` : 'Signing in…'}</div>
        </div>
      )}
      {warnings.length > 0 && <ul className="warnings" data-testid="harvest-warnings">{warnings.slice(0, 50).map((w, i) => <li key={i}>⚠ {w}</li>)}</ul>}
      {message && <div className="error" role="alert">{message}</div>}
      <div className="row">
        {phase === 'running'
          ? <button data-testid="harvest-cancel" className="danger" onClick={() => void getApi().invoke['harvest:cancel']({})}>Cancel</button>
          : <button data-testid="harvest-start" onClick={() => void start()}>{phase === 'form' ? 'Start harvest' : 'Harvest again'}</button>}
        {phase === 'done' && <button data-testid="harvest-open" onClick={open}>Open the estate</button>}
        <button className="ghost" onClick={onClose} disabled={phase === 'running'}>Back</button>
      </div>
    </section>
  );
}
