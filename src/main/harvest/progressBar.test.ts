import { describe, expect, it } from 'vitest';
import type { HarvestProgress } from '../../shared/harvest/types';
import { createProgressReporter, renderBar, renderLine } from './progressBar';

const p = (over: Partial<HarvestProgress>): HarvestProgress => ({
  subscriptionId: '0c55a7b6-d393-4b2b-8a4f-5ec88fb1a8b5', resourceType: 'Microsoft.Network/virtualNetworks', state: 'done', items: 4, completedSteps: 5, totalSteps: 20, ...over,
});

describe('progress rendering', () => {
  it('draws a bar proportional to completed steps', () => {
    expect(renderBar(p({}), 20)).toBe('[#####...............]  5/20 steps  Network/virtualNetworks 0c55a7b6 done (4)');
    expect(renderBar(p({ completedSteps: 20 }), 10)).toMatch(/^\[#{10}\] 20\/20/);
  });

  it('prints plain lines only for finished steps when not on a terminal', () => {
    const lines: string[] = [];
    const r = createProgressReporter({ write: (s: string) => lines.push(s), isTTY: false });
    r.report(p({ state: 'started' }));
    r.report(p({ state: 'page' }));
    r.report(p({ state: 'failed', message: '403 AuthorizationFailed' }));
    r.finish();
    expect(lines).toEqual([`${renderLine(p({ state: 'failed', message: '403 AuthorizationFailed' }))}\n`]);
    expect(lines[0]).toContain('failed, 4 item(s) — 403 AuthorizationFailed');
  });

  it('redraws one line on a terminal and ends it', () => {
    const out: string[] = [];
    const r = createProgressReporter({ write: (s: string) => out.push(s), isTTY: true });
    r.report(p({ completedSteps: 20 }));
    r.finish();
    expect(out[0]?.startsWith('\r\x1b[2K[')).toBe(true);
    expect(out.at(-1)).toBe('\n');
  });
});
