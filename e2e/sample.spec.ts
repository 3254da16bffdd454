/** Open the sample, select the no-public-IP cluster, see a red flow, read the blocking rule in the inspector. */
import { expect, test } from '@playwright/test';
import { appUrl, cliCheck, graphReady, shot } from './support';

test('sample: cpu-cluster has a blocked flow and the inspector names the rule that blocks it', async ({ page }) => {
  const expected = cliCheck('samples/sample-estate.json').computes.find((c) => c.name === 'cpu-cluster');
  const blocked = expected?.flows.filter((f) => f.status === 'blocked' && f.decidedBy.priority !== undefined) ?? [];
  expect(blocked.length, 'the sample is meant to have a red flow decided by a prioritised rule').toBeGreaterThan(0);

  await page.goto(appUrl());
  await expect(page.getByTestId('welcome')).toBeVisible();
  await shot(page, '01-welcome');

  await page.getByTestId('open-sample').click();
  await graphReady(page);
  await shot(page, '02-sample-topology');

  await page.getByTestId('node-compute-cpu-cluster').click();
  await expect(page.getByTestId('compute-inspector')).toHaveAttribute('data-compute', 'cpu-cluster');
  await expect(page.locator('.react-flow__edge.flow-blocked').first()).toBeAttached();
  await expect(page.locator('.react-flow__edge.flow-allowed').first()).toBeAttached();
  await shot(page, '03-cluster-flows');

  // The first blocked row in the list is decided by a prioritised rule in the sample; compare with the CLI.
  const row = page.locator('[data-testid="flow-row"][data-status="blocked"]', { hasText: blocked[0]!.requirement }).first();
  await row.click();
  const rule = page.getByTestId('deciding-rule');
  await expect(page.getByTestId('flow-detail')).toHaveAttribute('data-status', 'blocked');
  await expect(rule).toContainText(blocked[0]!.decidedBy.name!);
  await expect(rule).toContainText(`priority ${blocked[0]!.decidedBy.priority}`);
  await expect(page.getByTestId('requirement-source')).toContainText('§');
  await expect(page.getByTestId('trace').locator('li').first()).toBeVisible();
  await shot(page, '04-inspector-blocking-rule');

  // The link selects the resource at fault in the graph (the NSG is shown on its subnet).
  await page.getByTestId('select-at-fault').click();
  await expect(page.getByTestId('resource-inspector')).toBeVisible();
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(1);
  await shot(page, '05-resource-at-fault');
});

test('sample: overview controls work (collapse, only what matters, light theme)', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByTestId('open-sample').click();
  await graphReady(page);
  await page.getByTestId('collapse-all').click();
  await expect(page.locator('[data-testid^="vnet-"][data-collapsed="true"]').first()).toBeVisible();
  await expect(page.getByTestId('node-compute-cpu-cluster')).toHaveCount(0);
  await shot(page, '06-collapsed-overview');
  await page.getByTestId('expand-all').click();
  await page.getByTestId('compute-picker').selectOption({ label: 'cpu-cluster (ComputeCluster)' });
  await page.getByTestId('only-relevant').check();
  await graphReady(page);
  await expect(page.getByTestId('node-compute-cpu-cluster')).toBeVisible();
  await page.getByTestId('theme').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', /light|dark/);
  await shot(page, '07-only-relevant-theme');
});

test('sample: a flow allowed by the hub firewall names the policy, group, collection and rule', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByTestId('open-sample').click();
  await graphReady(page);
  await page.getByTestId('node-compute-cpu-cluster').click();
  const row = page.locator('[data-testid="flow-row"][data-status="allowed"]', { hasText: 'AzureMachineLearning' }).first();
  await row.click();
  const fw = page.getByTestId('firewall-decision');
  await expect(fw).toContainText('afwp-base');
  await expect(fw).toContainText('rcg-platform');
  await expect(fw).toContainText('aml-service');
  await shot(page, '12-firewall-decision');
});
