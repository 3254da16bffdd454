/**
 * Assumptions in the app: the sample with its hub route pointed at an appliance that is not the
 * Azure Firewall (10.0.1.10), so cpu-cluster's service-tag flows stop there as unknown. "Assume
 * appliance 10.0.1.10 allows all" re-evaluates at once (the CLI with `--assume` says what to
 * expect); the assumptions panel shows the change and resets it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { appUrl, cliCheck, graphReady, shot } from './support';

const NVA = '10.0.1.10';

test('assumptions: assuming the appliance allows all turns the flow it stopped decided, and reset brings it back', async ({ page }) => {
  const text = readFileSync('samples/sample-estate.json', 'utf8');
  expect(text).toContain('"nextHopIpAddress": "10.0.1.4"');
  const file = join(process.env.VNETLENS_E2E_DIR ?? 'test-results', 'sample-nva.json');
  writeFileSync(file, text.replace('"nextHopIpAddress": "10.0.1.4"', `"nextHopIpAddress": "${NVA}"`));
  const o2 = (args: string[] = []) => cliCheck(file, args).computes.find((c) => c.name === 'cpu-cluster')!.flows.find((f) => f.requirement === 'O2')!;
  expect(o2().status).toBe('unknown');
  expect(o2().decidedBy).toMatchObject({ layer: 'route', name: NVA });
  const assumed = o2(['--assume', `allowAllAppliances=${NVA}`]).status;
  expect(assumed).not.toBe('unknown');

  await page.goto(appUrl());
  await page.getByTestId('file-input').setInputFiles(file);
  await graphReady(page);
  await page.getByTestId('node-compute-cpu-cluster').click();
  const stopping = cliCheck(file).computes.find((c) => c.name === 'cpu-cluster')!.flows.filter((f) => f.status === 'unknown' && f.decidedBy.name === NVA).length;
  await expect(page.getByTestId('compute-assumptions')).toContainText(`${stopping} flows stop at appliance ${NVA}`);
  await page.locator('[data-testid="flow-row"][data-requirement="O2"]').click();
  const detail = page.getByTestId('flow-detail');
  await expect(detail).toHaveAttribute('data-status', 'unknown');
  const action = page.getByTestId('assume-appliance');
  await expect(action).toHaveText(`Assume appliance ${NVA} allows all`);
  await shot(page, '30-assumption-appliance-unknown');

  await action.click();
  await expect(detail).toHaveAttribute('data-status', assumed);
  await expect(page.getByTestId('appliance-assumed')).toContainText(NVA);
  await expect(page.getByTestId('whatif-notice')).toContainText('into or out of unknown');
  await expect(page.getByTestId('assumptions-toggle')).toHaveText('Assumptions (1 changed)');
  await page.getByTestId('assumptions-toggle').click();
  const row = page.locator('[data-testid="assumption"][data-id="allowAllAppliances"]');
  await expect(row).toHaveAttribute('data-changed', 'true');
  await expect(row.getByTestId('assumption-input-allowAllAppliances')).toHaveValue(NVA);
  await shot(page, '31-assumption-appliance-allowed');

  await page.getByTestId('assumptions-reset').click();
  await expect(detail).toHaveAttribute('data-status', 'unknown');
  await expect(page.getByTestId('assumptions-toggle')).toHaveText('Assumptions');
  await expect(row).toHaveAttribute('data-changed', 'false');
});
