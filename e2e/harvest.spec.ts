/** Harvest from the local fake ARM server through the app and watch progress to the end. */
import { expect, test } from '@playwright/test';
import { appUrl, graphReady, shot } from './support';

test('harvest: progress reaches done and the graph shows the harvested VNets', async ({ page }) => {
  const vnets = JSON.parse(process.env.VNETLENS_E2E_VNETS ?? '[]') as string[];
  expect(vnets.length).toBeGreaterThan(0);
  await page.goto(appUrl());
  await page.getByTestId('open-harvest').click();
  await page.getByTestId('harvest-signin').selectOption('accessToken');
  await page.getByTestId('harvest-cloud').selectOption('Custom');
  await page.getByTestId('harvest-endpoint').fill(process.env.VNETLENS_E2E_ARM!);
  await page.getByTestId('harvest-list').click();
  await expect(page.getByTestId('harvest-subscriptions').locator('li')).toHaveCount(2);

  await page.getByTestId('harvest-start').click();
  const bar = page.getByTestId('harvest-progress');
  await expect(bar).toHaveAttribute('data-state', 'running');
  // A live step line appears while running (progress events over server-sent events).
  await expect(page.getByTestId('harvest-step')).toContainText('/', { timeout: 30_000 });
  await shot(page, '09-harvest-running');
  await expect(bar).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
  await shot(page, '10-harvest-done');

  await page.getByTestId('harvest-open').click();
  await graphReady(page);
  for (const name of vnets.slice(0, 3)) await expect(page.getByTestId(`vnet-${name}`)).toBeVisible();
  await shot(page, '11-harvested-topology');
});
