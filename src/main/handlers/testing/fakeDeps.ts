/** Handler deps for tests: a temp folder for recent files, a scriptable harvester, captured events. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HarvestProgress } from '../../../shared/harvest/types';
import type { SnapshotFile } from '../../../shared/model/snapshotFile';
import type { DialogPort, HandlerDeps, HarvesterPort } from '../deps';
import { fileRecentStore } from '../recentFiles';

/** A tiny valid snapshot file. */
export const EMPTY_SNAPSHOT: SnapshotFile = { format: 'vnetlens-snapshot', schemaVersion: 1, provenance: { source: 'harvest', subscriptions: [] }, resources: [], missing: [], warnings: [] };

/** A harvester that emits two progress steps, then waits until released or aborted. */
export function scriptedHarvester(): HarvesterPort & { release(): void } {
  let release: () => void = () => undefined;
  return {
    release: () => release(),
    async listSubscriptions() {
      return [{ subscriptionId: 'sub-1', displayName: 'Sub one' }];
    },
    harvest(_request, onProgress, signal) {
      const step = (completedSteps: number, state: HarvestProgress['state']): HarvestProgress => ({ subscriptionId: 'sub-1', resourceType: 'Microsoft.Network/virtualNetworks', state, items: completedSteps, completedSteps, totalSteps: 2 });
      onProgress(step(1, 'page'));
      return new Promise((resolve, reject) => {
        release = () => {
          onProgress(step(2, 'done'));
          resolve(EMPTY_SNAPSHOT);
        };
        signal.addEventListener('abort', () => reject(new Error('aborted')));
      });
    },
  };
}

/** Deps rooted in a fresh temp folder; `events` collects what handlers emit. */
export function fakeDeps(over: Partial<HandlerDeps> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'vnetlens-handlers-'));
  const samplePath = join(dir, 'sample-estate.json');
  writeFileSync(samplePath, JSON.stringify([{ id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v', type: 'Microsoft.Network/virtualNetworks' }]));
  const events: { channel: string; payload: unknown }[] = [];
  const harvester = scriptedHarvester();
  const deps: HandlerDeps = {
    mode: 'browser', version: '9.9.9', platform: 'linux', samplePath, harvester,
    recent: fileRecentStore(join(dir, 'data'), () => new Date('2026-01-02T03:04:05Z')),
    emit: (channel, payload) => events.push({ channel, payload }),
    ...over,
  };
  return { deps, dir, events, harvester };
}

/** Dialogs that answer fixed paths. */
export function fixedDialogs(openPath: string | undefined, savePath: string | undefined): DialogPort {
  return { pickOpenPath: async () => openPath, pickSavePath: async () => savePath };
}
