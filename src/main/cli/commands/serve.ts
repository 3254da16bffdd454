/**
 * `vnetlens serve [--port N] [--open FILE]`: the app in a browser, on 127.0.0.1 with a per-launch
 * token. The first stdout line is the URL (token included) so scripts and e2e tests can read it.
 */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { findAppRoot } from '../../server/appRoot';
import { startBrowserMode } from '../../server/startBrowserMode';
import { EXIT_BAD_INPUT, UserError } from '../exitCodes';

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UserError(`serve: --port must be 0–65535, got ${value}`, EXIT_BAD_INPUT);
  return n;
}

/** Register `serve`. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Run the app in your browser (loopback only, per-launch token)')
    .option('--port <n>', 'port on 127.0.0.1 (default: a free one)', parsePort)
    .option('--open <file>', 'open this estate file (ARM JSON or snapshot) at start')
    .action(async (opts: { port?: number; open?: string }) => {
      if (opts.open && !existsSync(opts.open)) throw new UserError(`serve: --open ${opts.open}: no such file`);
      const server = await startBrowserMode({
        appRoot: findAppRoot(__dirname), version: program.version() ?? '0.0.0',
        ...(opts.port !== undefined ? { port: opts.port } : {}), ...(opts.open ? { openFile: opts.open } : {}),
      }).catch((err: NodeJS.ErrnoException) => {
        throw new UserError(`serve: cannot listen: ${err.code ?? err.message}`);
      });
      process.stdout.write(`${server.url}\n`);
      process.stderr.write('VNetLens is serving on 127.0.0.1 only; press Ctrl+C to stop.\n');
      await new Promise<void>((done) => {
        const stop = () => void server.close().then(done);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
