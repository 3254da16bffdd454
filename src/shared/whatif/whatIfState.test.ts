import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../engine/evaluateEstate';
import { amlEstate, snapshotOf } from '../engine/testing/amlEstate';
import { pushWhatIf, redoWhatIf, removeWhatIf, startWhatIf, undoWhatIf, type WhatIfState } from './whatIfState';

function ok<T>(r: T | { error: unknown }): T {
  if (r && typeof r === 'object' && 'error' in r) throw new Error(JSON.stringify(r.error));
  return r as T;
}

describe('what-if state', () => {
  const e = amlEstate({ peered: false });
  const base = snapshotOf(e.parts);
  const peer = { kind: 'peering.create' as const, vnetId: e.vnetC.id, remoteVnetId: e.vnetW.id };

  it('push shows the step effect; undo/redo move between the same verdicts', () => {
    const evaluator = createEvaluator();
    const s0 = ok<WhatIfState>(startWhatIf(base, evaluator));
    expect(s0.total.flows).toEqual([]);
    const s1 = ok<WhatIfState>(pushWhatIf(s0, peer, evaluator));
    expect(s1.lastStep!.redToGreen).toBeGreaterThan(0);
    expect(s1.lastStep!.greenToRed).toBe(0);
    expect(s1.total.redToGreen).toBe(s1.lastStep!.redToGreen);
    expect(s1.changes.map((c) => c.action)).toEqual(['create', 'create']);
    const s2 = undoWhatIf(s1, evaluator);
    expect(s2.snapshot).toBe(base);
    expect(s2.lastStep!.greenToRed).toBe(s1.lastStep!.redToGreen);
    expect(s2.verdict).toEqual(s0.verdict);
    const s3 = redoWhatIf(s2, evaluator);
    expect(s3.verdict).toEqual(s1.verdict);
    expect(undoWhatIf(s0, evaluator)).toBe(s0);
  });

  it('a bad edit returns its error and no new state; removing an edit others depend on is refused', () => {
    const evaluator = createEvaluator();
    const s0 = ok<WhatIfState>(startWhatIf(base, evaluator));
    const bad = pushWhatIf(s0, { ...peer, remoteVnetId: e.vnetC.id }, evaluator);
    expect('error' in bad && bad.error.message).toMatch(/itself/);
    const zone = { kind: 'dnsZone.create' as const, subscriptionId: e.vnetC.subscriptionId, resourceGroup: 'rg-x', zoneName: 'example.internal' };
    const s1 = ok<WhatIfState>(pushWhatIf(s0, zone, evaluator));
    const zoneId = s1.changes[0]!.resourceId;
    const s2 = ok<WhatIfState>(pushWhatIf(s1, { kind: 'dnsZone.link', zoneId, vnetId: e.vnetC.id }, evaluator));
    const removed = removeWhatIf(s2, 0, evaluator);
    expect('error' in removed && removed.error.field).toBe('zoneId');
    expect(ok<WhatIfState>(removeWhatIf(s2, 1, evaluator)).history.edits).toEqual([zone]);
  });
});
