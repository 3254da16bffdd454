/** Shared bits of the e2e tests: the app URL from the global setup, screenshots kept as artifacts. */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

/** The URL `vnetlens serve` printed (token included). */
export function appUrl(): string {
  const url = process.env.VNETLENS_E2E_URL;
  if (!url) throw new Error('VNETLENS_E2E_URL missing: run through playwright.config.ts (global setup)');
  return url;
}

/** Save a full-page screenshot under e2e/artifacts/ (gitignored) for humans to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = join(__dirname, 'artifacts');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

/** Wait until the graph is laid out and on screen. */
export async function graphReady(page: Page): Promise<void> {
  await expect(page.getByTestId('graph')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
}

/** What the CLI says about a file: the expected verdicts come from the engine, never from the test. */
export function cliCheck(file: string, extraArgs: readonly string[] = []): { computes: { name: string; flows: { requirement: string; status: string; decidedBy: { name?: string; priority?: number; layer: string } }[] }[] } {
  let out: string;
  try {
    out = execFileSync(process.execPath, ['out/cli/vnetlens.cjs', 'check', file, '--format', 'json', ...extraArgs], { encoding: 'utf8' });
  } catch (err) {
    // exit 1 = findings: stdout still holds the report
    out = (err as { stdout: string }).stdout;
  }
  return JSON.parse(out) as ReturnType<typeof cliCheck>;
}
