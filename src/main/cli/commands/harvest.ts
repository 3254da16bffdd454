/**
 * `vnetlens harvest`: read an estate from Azure (or any ARM endpoint, such as the fake server used in
 * tests) into a snapshot file. Progress on stderr, a summary of what was missing at the end. Exit 0
 * when a snapshot was written (403s recorded inside it), 2 for bad flags / sign-in failure / nothing
 * readable, 130 on Ctrl-C (no partial file). The self-signed certificate of a test server is trusted
 * through NODE_EXTRA_CA_CERTS=<cert.pem>, which Node reads at start-up.
 */
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { CloudName, HarvestRequest, SignInMethod } from '../../../shared/harvest/types';
import type { SnapshotFile } from '../../../shared/model/snapshotFile';
import { createProgressReporter } from '../../harvest/progressBar';
import { writeSnapshotAtomic } from '../../harvest/writeSnapshotAtomic';
import { EXIT_BAD_INPUT, UserError } from '../exitCodes';

/** Ctrl-C: the shell convention 128 + SIGINT. */
export const EXIT_CANCELLED = 130;

const SIGN_IN: Record<string, SignInMethod> = {
  'azure-cli': 'azureCli', browser: 'interactiveBrowser', 'device-code': 'deviceCode', default: 'default', 'access-token': 'accessToken',
};

interface HarvestFlags {
  subscription?: string[];
  all?: boolean;
  cloud?: string;
  armEndpoint?: string;
  via: string;
  out: string;
  tenant?: string;
  signIn?: string;
  concurrency: string;
  subscriptionConcurrency: string;
  maxRetries?: string;
  retryDelayMs?: string;
}

/** Register the command. */
export function registerHarvest(program: Command): void {
  program
    .command('harvest')
    .description('Read an Azure estate (network + Azure ML) into a snapshot file')
    .option('--subscription <id...>', 'subscription id(s) to read')
    .option('--all', 'read every subscription the identity can see')
    .addOption(new Option('--cloud <name>', 'Azure cloud').choices(['AzureCloud', 'AzureChinaCloud', 'AzureUSGovernment']))
    .option('--arm-endpoint <url>', 'custom ARM endpoint (https)')
    .addOption(new Option('--via <path>', 'how to read').choices(['arm', 'resource-graph']).default('arm'))
    .option('--out <file>', 'snapshot file to write', 'estate.snapshot.json')
    .option('--tenant <id>', 'tenant to sign in to')
    .addOption(new Option('--sign-in <method>', 'sign-in method (default: access-token when AZURE_ACCESS_TOKEN is set, else azure-cli)').choices(Object.keys(SIGN_IN)))
    .option('--concurrency <n>', 'requests in flight overall', '16')
    .option('--subscription-concurrency <n>', 'requests in flight per subscription', '4')
    .option('--max-retries <n>', 'retries per request (429 honours Retry-After; 5xx backs off)')
    .addOption(new Option('--retry-delay-ms <ms>', 'base retry delay').hideHelp())
    .action(async (flags: HarvestFlags) => {
      await runHarvest(flags);
    });
}

async function runHarvest(flags: HarvestFlags): Promise<void> {
  const request = toRequest(flags);
  const out = resolve(flags.out);
  const dir = await stat(dirname(out)).catch(() => undefined);
  if (!dir?.isDirectory()) throw new UserError(`--out ${flags.out}: folder ${dirname(out)} does not exist`);
  // Loaded here so that other commands never pay for the Azure SDK.
  const { harvest } = await import('../../azure/harvest');
  const { createCredential } = await import('../../azure/credentials');
  const { HarvestError } = await import('../../azure/harvestError');
  let credential;
  try {
    credential = createCredential(request, { prompt: (p) => process.stderr.write(`${p.message}\n`) });
  } catch (err) {
    throw new UserError(`sign-in: ${err instanceof Error ? err.message : String(err)}`);
  }
  const ac = new AbortController();
  const onSigint = () => ac.abort(new Error('cancelled by Ctrl-C'));
  process.once('SIGINT', onSigint);
  const progress = createProgressReporter(process.stderr);
  let file: SnapshotFile;
  try {
    file = await harvest(request, {
      credential,
      signal: ac.signal,
      onProgress: (p) => progress.report(p),
      concurrency: { overall: positive(flags.concurrency, '--concurrency'), perSubscription: positive(flags.subscriptionConcurrency, '--subscription-concurrency') },
      retry: {
        ...(flags.maxRetries !== undefined ? { maxRetries: positive(flags.maxRetries, '--max-retries', true) } : {}),
        ...(flags.retryDelayMs !== undefined ? { retryDelayInMs: positive(flags.retryDelayMs, '--retry-delay-ms'), maxRetryDelayInMs: positive(flags.retryDelayMs, '--retry-delay-ms') * 8 } : {}),
      },
    });
  } catch (err) {
    progress.finish();
    if (err instanceof HarvestError) throw new UserError(err.message, err.kind === 'cancelled' ? EXIT_CANCELLED : EXIT_BAD_INPUT);
    throw err;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
  progress.finish();
  if (ac.signal.aborted) throw new UserError('harvest cancelled', EXIT_CANCELLED);
  await writeSnapshotAtomic(out, file);
  process.stderr.write(summary(file, flags.out));
}

function toRequest(flags: HarvestFlags): HarvestRequest {
  const subs = flags.subscription ?? [];
  if (subs.length && flags.all) throw new UserError('use either --subscription ID… or --all, not both');
  if (!subs.length && !flags.all) throw new UserError('choose what to read: --subscription ID… or --all');
  const cloud: CloudName = (flags.cloud as CloudName | undefined) ?? (flags.armEndpoint ? 'Custom' : 'AzureCloud');
  const signIn = flags.signIn ? SIGN_IN[flags.signIn] : process.env.AZURE_ACCESS_TOKEN ? 'accessToken' : 'azureCli';
  return {
    cloud,
    ...(flags.armEndpoint ? { armEndpoint: flags.armEndpoint } : {}),
    ...(flags.tenant ? { tenantId: flags.tenant } : {}),
    signIn: signIn ?? 'azureCli',
    subscriptions: subs,
    all: Boolean(flags.all),
    via: flags.via === 'resource-graph' ? 'resource-graph' : 'arm',
  };
}

function positive(v: string, flag: string, zeroOk = false): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < (zeroOk ? 0 : 1)) throw new UserError(`${flag} ${v}: expected a whole number${zeroOk ? '' : ' ≥ 1'}`);
  return n;
}

function summary(file: SnapshotFile, out: string): string {
  const lines = [`harvested ${file.resources.length} resources from ${file.provenance.subscriptions.length} subscription(s) → ${out}`];
  if (file.missing.length) {
    lines.push(`missing (${file.missing.length}); flows that need these will be 'unknown':`);
    for (const m of file.missing) lines.push(`  - ${m.kind} ${m.resourceId ?? [m.subscriptionId, m.resourceType].filter(Boolean).join(' ')}: ${m.reason}`);
  }
  if (file.warnings.length) {
    lines.push(`warnings (${file.warnings.length}):`);
    for (const w of file.warnings) lines.push(`  - ${w.code}: ${w.message}`);
  }
  return `${lines.join('\n')}\n`;
}
