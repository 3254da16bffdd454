/**
 * What-if end to end: fix the sample's amber Key Vault flow through its suggested edit, watch it turn
 * green with the effect summary, export the ARM template and the draw.io file, save the project,
 * reload, reopen it and find the edit still applied (and undo/redo by keyboard).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { appUrl, cliCheck, graphReady, shot } from './support';

const FIX = 'link zone privatelink.vaultcore.azure.net to vnet-compute-northeurope';
const KV = '/vaults/kv-contoso-ml';

async function o12(page: Page) {
  await page.getByTestId('node-compute-cpu-cluster').click();
  await expect(page.getByTestId('compute-inspector')).toHaveAttribute('data-compute', 'cpu-cluster');
  return page.locator('[data-testid="flow-row"][data-requirement="O12"]').filter({ has: page.locator(`.peer[title$="${KV}"]`) });
}

async function download(page: Page, start: () => Promise<void>): Promise<{ name: string; path: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), start()]);
  const path = join(process.env.VNETLENS_E2E_DIR ?? 'test-results', `dl-${Date.now()}-${d.suggestedFilename()}`);
  await d.saveAs(path);
  return { name: d.suggestedFilename(), path, text: readFileSync(path, 'utf8') };
}

/** Every resource of a template, nested deployments included. */
function resources(template: { resources?: unknown[] }): { type: string; apiVersion: string; properties?: { template?: { resources?: unknown[] } } }[] {
  const out: ReturnType<typeof resources> = [];
  for (const r of (template.resources ?? []) as ReturnType<typeof resources>) {
    out.push(r);
    if (r.properties?.template) out.push(...resources(r.properties.template));
  }
  return out;
}

test('what-if: suggested fix turns the Key Vault flow green; exports; the saved project reopens with its edit', async ({ page }) => {
  const before = cliCheck('samples/sample-estate.json').computes.find((c) => c.name === 'cpu-cluster')?.flows.find((f) => f.requirement === 'O12' && (f as { peer?: string }).peer?.endsWith(KV));
  expect(before?.status, 'the sample is meant to have a non-green O12 (Key Vault) flow on cpu-cluster').not.toBe('allowed');

  await page.goto(appUrl());
  await page.getByTestId('open-sample').click();
  await graphReady(page);
  const row = await o12(page);
  await expect(row).toHaveAttribute('data-status', before!.status);
  await row.click();
  await expect(page.getByTestId('flow-detail')).toHaveAttribute('data-status', before!.status);
  const fix = page.getByTestId('fix').filter({ hasText: FIX }).first();
  await expect(fix).toBeVisible();
  await shot(page, '20-whatif-suggested-fix');

  await fix.getByTestId('fix-apply').click();
  await expect(page.getByTestId('flow-detail')).toHaveAttribute('data-status', 'allowed');
  await expect(page.getByTestId('whatif-edit')).toHaveCount(1);
  await expect(page.getByTestId('whatif-edit').first()).toContainText(FIX);
  await expect(page.getByTestId('whatif-last-step')).toContainText(/turns \d+ red flows? green, 0 green red/);
  await expect(page.getByTestId('whatif-total')).toContainText('checks: 1 fixed, 0 broken');
  await expect(page.getByTestId('whatif-toggle')).toHaveText('Changes (1)');
  await shot(page, '21-whatif-fix-applied');

  // ARM template of the edit: the zone link with the private DNS apiVersion.
  await page.getByTestId('export-menu').click();
  const arm = await download(page, () => page.getByTestId('export-arm').click());
  expect(arm.name).toMatch(/\.json$/);
  const template = JSON.parse(arm.text) as { $schema: string; resources: unknown[] };
  expect(template.$schema).toContain('2019-04-01/deploymentTemplate.json');
  const links = resources(template).filter((r) => r.type === 'Microsoft.Network/privateDnsZones/virtualNetworkLinks');
  expect(links).toHaveLength(1);
  expect(links[0]!.apiVersion).toBe('2024-06-01');

  // draw.io of the current view: mxfile XML with the flow overlay and the legend.
  await page.getByTestId('export-menu').click();
  const drawio = await download(page, () => page.getByTestId('export-drawio').click());
  expect(drawio.name).toMatch(/\.drawio$/);
  expect(drawio.text.trimStart()).toMatch(/^(<\?xml[^>]*\?>\s*)?<mxfile[\s>]/);
  expect(drawio.text).toContain('id="legend"');
  expect(drawio.text).toContain('cpu-cluster');

  // Save (browser mode: a download), reload, reopen.
  const saved = await download(page, () => page.getByTestId('project-save').click());
  expect(saved.name).toBe('sample-estate.vnetlens.json');
  const project = JSON.parse(saved.text) as { format: string; edits: { kind: string }[]; cursor: number };
  expect(project).toMatchObject({ format: 'vnetlens-project', cursor: 1 });
  expect(project.edits.map((e) => e.kind)).toEqual(['dnsZone.link']);
  await expect(page.getByTestId('whatif-notice')).toContainText('downloaded');

  await page.reload();
  await expect(page.getByTestId('welcome')).toBeVisible();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('welcome-open-project').click()]);
  await chooser.setFiles(saved.path);
  await graphReady(page);
  await expect(page.getByTestId('whatif-edit')).toHaveCount(1);
  const reopened = await o12(page);
  await expect(reopened).toHaveAttribute('data-status', 'allowed');
  await shot(page, '22-whatif-project-reopened');

  // Undo / redo from the keyboard.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('whatif-toggle')).toHaveText('Changes (0)');
  await expect((await o12(page))).toHaveAttribute('data-status', before!.status);
  await page.keyboard.press('Control+Shift+Z');
  await expect(page.getByTestId('whatif-toggle')).toHaveText('Changes (1)');
  await expect((await o12(page))).toHaveAttribute('data-status', 'allowed');
});

test('what-if: manual NSG rule with per-field errors, public IP toggle, Bicep / SVG / PNG exports', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByTestId('open-sample').click();
  await graphReady(page);
  await page.getByTestId('node-compute-cpu-cluster').click();
  await page.locator('[data-testid="flow-row"][data-status="blocked"]').first().click();
  await page.getByTestId('open-nsg-rule-form').click();
  const form = page.getByTestId('nsg-rule-form');
  await form.getByTestId('rule-priority').fill('50');
  await form.getByTestId('rule-port').fill('99999');
  await form.getByTestId('rule-name').fill('-bad');
  await expect(form.getByTestId('rule-error-priority')).toContainText('100–4096');
  await expect(form.getByTestId('rule-error-destinationPortRanges')).toContainText('99999');
  await expect(form.getByTestId('rule-error-name')).toContainText('invalid');
  await shot(page, '23-whatif-rule-form-errors');
  await form.getByTestId('rule-priority').fill('3000');
  await form.getByTestId('rule-port').fill('443');
  await form.getByTestId('rule-name').fill('allow-e2e-443');
  await form.getByTestId('rule-destination').fill('');
  await expect(form.getByTestId('rule-error-destinationAddressPrefixes')).toContainText('needs at least one address prefix');
  await form.getByTestId('rule-destination').fill('20.0.0.0/8');
  await expect(form.locator('.wi-error')).toHaveCount(0);
  await form.getByTestId('rule-add').click();
  await expect(page.getByTestId('whatif-edit').first()).toContainText('add Allow');
  await expect(page.getByTestId('whatif-edit').first()).toContainText('allow-e2e-443 at 3000');

  await page.getByTestId('node-compute-cpu-cluster').click();
  await page.getByTestId('toggle-public-ip').click();
  await expect(page.getByTestId('whatif-edit')).toHaveCount(2);
  await expect(page.getByTestId('whatif-edit').nth(1)).toContainText('cpu-cluster: public IP on');

  await page.getByTestId('export-menu').click();
  const bicep = await download(page, () => page.getByTestId('export-bicep').click());
  expect(bicep.text).toContain("resource ");
  expect(bicep.text).toContain('allow-e2e-443');
  await page.getByTestId('export-menu').click();
  const svg = await download(page, () => page.getByTestId('export-svg').click());
  expect(svg.text).toMatch(/<svg[\s>]/);
  expect(svg.text).toContain('cpu-cluster');
  await page.getByTestId('export-menu').click();
  const png = await download(page, () => page.getByTestId('export-png').click());
  expect(png.name).toMatch(/\.png$/);
  expect([...readFileSync(png.path).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  await shot(page, '24-whatif-manual-edits');
});
