import { describe, expect, it } from 'vitest';
import type { ComputeVerdict, EstateVerdict, FlowStatus, FlowVerdict } from '../engine/verdict';
import { diffVerdicts, flowKey } from './diffVerdicts';

const flow = (requirement: string, port: number, status: FlowStatus): FlowVerdict => ({
  requirement, direction: 'Outbound', protocol: 'Tcp', port, peer: 'AzureMachineLearning', required: true, status,
  decidedBy: { layer: 'nsg' }, explanation: '', trace: [],
});
const compute = (id: string, flows: FlowVerdict[], checks: ComputeVerdict['checks'] = []): ComputeVerdict => ({
  id, name: id.split('/').pop()!, kind: 'ComputeCluster', publicIp: false, subnetId: '/s', workspaceId: '/w', region: 'westeurope', flows, checks,
});
const estate = (computes: ComputeVerdict[]): EstateVerdict => ({ schemaVersion: 1, computes, assumptions: [], summary: { allowed: 0, blocked: 0, unknown: 0, failedChecks: 0 } });

describe('diffVerdicts', () => {
  it('counts red→green and green→red, unknown changes, added and removed flows, and check changes', () => {
    const before = estate([
      compute('/c/A', [flow('O1', 443, 'blocked'), flow('O1', 8787, 'blocked'), flow('O2', 443, 'allowed'), flow('O3', 443, 'unknown'), flow('O4', 443, 'allowed')], [{ id: 'dns', status: 'fail', message: '' }]),
    ]);
    const after = estate([
      compute('/C/a', [flow('O1', 443, 'allowed'), flow('O1', 8787, 'allowed'), flow('O2', 443, 'blocked'), flow('O3', 443, 'allowed'), flow('O5', 443, 'blocked')], [{ id: 'dns', status: 'pass', message: '' }]),
    ]);
    const d = diffVerdicts(before, after);
    expect([d.redToGreen, d.greenToRed, d.unknownChanged, d.added, d.removed]).toEqual([2, 1, 1, 1, 1]);
    expect(d.summary).toBe('turns 2 red flows green, 1 green red; 1 into or out of unknown; 1 new flow; 1 flow no longer required; checks: 1 fixed, 0 broken');
    expect(d.flows.find((f) => f.requirement === 'O2')).toMatchObject({ key: flowKey('/c/a', flow('O2', 443, 'allowed')), before: 'allowed', after: 'blocked' });
    expect(d.checks).toEqual([{ computeId: '/c/A', checkId: 'dns', before: 'fail', after: 'pass' }]);
  });

  it('says so when nothing changed, and skips compute verdicts shared by identity', () => {
    const shared = compute('/c/B', [flow('O1', 443, 'blocked')]);
    const d = diffVerdicts(estate([shared]), estate([shared]));
    expect(d.flows).toEqual([]);
    expect(d.summary).toBe('turns 0 red flows green, 0 green red');
  });

  it('reports every flow of a compute that appears or disappears', () => {
    const d = diffVerdicts(estate([compute('/c/old', [flow('O1', 443, 'allowed')])]), estate([compute('/c/new', [flow('O1', 443, 'blocked')])]));
    expect(d.flows.map((f) => [f.computeName, f.before, f.after])).toEqual([['old', 'allowed', undefined], ['new', undefined, 'blocked']]);
  });
});
