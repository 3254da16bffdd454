/**
 * A big estate (the render bench's synthetic hub-and-spoke, 300 resources) opens as a collapsed
 * overview: VNets with counts and the aggregated verdicts of their computes (expected counts come
 * from the CLI, i.e. the engine); double-clicking a VNet lays out its subnets.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { renderBenchEstate } from '../bench/renderEstate';
import { appUrl, cliCheck, graphReady, shot } from './support';

test('big estate: opens collapsed with counts and verdicts; expanding a VNet shows its subnets', async ({ page }) => {
  const file = join(process.env.VNETLENS_E2E_DIR ?? 'test-results', 'estate-300.json');
  writeFileSync(file, JSON.stringify(renderBenchEstate(300)));
  const cluster = cliCheck(file).computes.find((c) => c.name === 'cluster-10')!;
  const blocked = cluster.flows.filter((f) => f.status === 'blocked').length;
  const allowed = cluster.flows.filter((f) => f.status === 'allowed').length;

  await page.goto(appUrl());
  await page.getByTestId('file-input').setInputFiles(file);
  await graphReady(page);
  const vnet = page.getByTestId('vnet-vnet-10');
  await expect(vnet).toHaveAttribute('data-collapsed', 'true');
  await expect(vnet).toContainText('3 subnets');
  await expect(vnet).toContainText('1 compute');
  if (blocked) await expect(vnet.locator('.pill.blocked')).toHaveText(`✕ ${blocked}`);
  if (allowed) await expect(vnet.locator('.pill.allowed')).toHaveText(`✓ ${allowed}`);
  await expect(page.locator('[data-testid^="subnet-"]')).toHaveCount(0);
  // Peerings to the hub are drawn between the collapsed boxes.
  await expect(page.locator('.react-flow__edge.peering-connected').first()).toBeAttached();
  await shot(page, '13-big-estate-overview');

  // Dispatched on the box: at overview zoom a peering line drawn over it would take a real pointer's click.
  await vnet.dispatchEvent('dblclick');
  await expect(vnet).toHaveAttribute('data-collapsed', 'false');
  await graphReady(page);
  await expect(page.locator('[data-testid^="subnet-snet-"]')).toHaveCount(3);
  await expect(page.getByTestId('node-compute-cluster-10')).toBeVisible();
  await shot(page, '14-big-estate-vnet-expanded');
});
