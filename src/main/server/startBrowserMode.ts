/**
 * Browser mode in one call: handlers with Node deps, the SSE hub, the server, a fresh token.
 * Used by `vnetlens serve` (and so by `npm start` and the e2e tests).
 */
import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHandlers } from '../handlers/createHandlers';
import type { HarvesterPort } from '../handlers/deps';
import { fileRecentStore } from '../handlers/recentFiles';
import { azureHarvester } from '../handlers/azureHarvester';
import { startServer, type RunningServer } from './createServer';
import { sseHub } from './sse';

export interface BrowserModeOptions {
  readonly appRoot: string;
  readonly version: string;
  readonly port?: number;
  readonly openFile?: string;
  /** Where recent.json lives; default `$VNETLENS_DATA_DIR` or `~/.config/vnetlens`. */
  readonly dataDir?: string;
  readonly harvester?: HarvesterPort;
}

/** Start serving; the token lives only in this process's memory and the printed URL. */
export async function startBrowserMode(opts: BrowserModeOptions): Promise<RunningServer> {
  const hub = sseHub();
  const dataDir = opts.dataDir ?? process.env.VNETLENS_DATA_DIR ?? join(homedir(), '.config', 'vnetlens');
  const handlers = createHandlers({
    mode: 'browser',
    version: opts.version,
    platform: process.platform,
    samplePath: join(opts.appRoot, 'samples', 'sample-estate.json'),
    ...(opts.openFile ? { initialFile: resolve(opts.openFile) } : {}),
    harvester: opts.harvester ?? azureHarvester(),
    recent: fileRecentStore(dataDir),
    emit: hub.emit,
  });
  return startServer({
    handlers, hub, token: randomBytes(24).toString('base64url'),
    rendererDir: join(opts.appRoot, 'out', 'renderer'), port: opts.port ?? 0,
  });
}
