/**
 * The CLI's harvest progress on stderr: a redrawn bar on a terminal, one plain line per finished step
 * otherwise (CI logs, pipes), so output stays readable in both.
 */
import type { HarvestProgress } from '../../shared/harvest/types';

/** A one-line bar: `[#######.......]  12/40 steps  network… (sub)`; pure, for tests. */
export function renderBar(p: HarvestProgress, width = 24): string {
  const total = Math.max(1, p.totalSteps);
  const filled = Math.min(width, Math.round((p.completedSteps / total) * width));
  const what = `${shortType(p.resourceType)}${p.subscriptionId && p.subscriptionId !== '*' ? ` ${p.subscriptionId.slice(0, 8)}` : ''}`;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(p.completedSteps).padStart(String(total).length)}/${total} steps  ${what} ${p.state}${p.items ? ` (${p.items})` : ''}`;
}

/** A plain log line for a finished step, or undefined for intermediate events. */
export function renderLine(p: HarvestProgress): string | undefined {
  if (p.state === 'started' || p.state === 'page') return undefined;
  const sub = p.subscriptionId && p.subscriptionId !== '*' ? p.subscriptionId : 'all subscriptions';
  return `[${p.completedSteps}/${p.totalSteps}] ${p.resourceType} in ${sub}: ${p.state}, ${p.items} item(s)${p.message ? ` — ${p.message}` : ''}`;
}

/** Writes progress to a stream; `finish()` ends the redrawn line. */
export function createProgressReporter(out: { write(s: string): unknown; isTTY?: boolean }): { report(p: HarvestProgress): void; finish(): void } {
  let drawn = false;
  let last = 0;
  return {
    report(p) {
      if (!out.isTTY) {
        const line = renderLine(p);
        if (line) out.write(`${line}\n`);
        return;
      }
      const now = Date.now();
      if (now - last < 50 && p.completedSteps < p.totalSteps) return; // keep redraws cheap
      last = now;
      out.write(`\r\x1b[2K${renderBar(p)}`);
      drawn = true;
    },
    finish() {
      if (drawn) out.write('\n');
      drawn = false;
    },
  };
}

function shortType(type: string): string {
  return type.replace(/^Microsoft\./, '');
}
