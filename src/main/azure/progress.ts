/**
 * Turns step events into HarvestProgress values with running totals, for the CLI progress bar and
 * the app's harvest dialog. A step is one (subscription × resource type).
 */
import type { HarvestProgress } from '../../shared/harvest/types';

/** Emits progress; `plan` grows the total when a step is discovered late. */
export class ProgressTracker {
  private completed = 0;
  private readonly items = new Map<string, number>();
  constructor(private total: number, private readonly emit: ((p: HarvestProgress) => void) | undefined) {}

  plan(steps: number): void {
    this.total += steps;
  }

  started(subscriptionId: string, resourceType: string): void {
    this.send(subscriptionId, resourceType, 'started', 0);
  }

  /** Items read so far in this step (cumulative). */
  page(subscriptionId: string, resourceType: string, items: number): void {
    this.items.set(`${subscriptionId}|${resourceType}`, items);
    this.send(subscriptionId, resourceType, 'page', items);
  }

  finished(subscriptionId: string, resourceType: string, state: 'done' | 'failed' | 'skipped', items: number, message?: string): void {
    this.completed++;
    this.send(subscriptionId, resourceType, state, items, message);
  }

  private send(subscriptionId: string, resourceType: string, state: HarvestProgress['state'], items: number, message?: string): void {
    this.emit?.({
      subscriptionId,
      resourceType,
      state,
      items,
      completedSteps: this.completed,
      totalSteps: Math.max(this.total, this.completed),
      ...(message ? { message } : {}),
    });
  }
}
