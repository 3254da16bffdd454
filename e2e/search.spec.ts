/** Keyboard search: Ctrl+K and '/' open the palette; Enter reveals and selects the hit. */
import { expect, test } from '@playwright/test';
import { appUrl, graphReady, shot } from './support';

test('keyboard search finds and selects a compute', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByTestId('open-sample').click();
  await graphReady(page);

  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('search-input')).toBeFocused();
  await page.keyboard.type('cpu-clu');
  await expect(page.getByTestId('search-hit').first()).toContainText('cpu-cluster');
  await shot(page, '08-search');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search')).toHaveCount(0);
  await expect(page.getByTestId('compute-inspector')).toHaveAttribute('data-compute', 'cpu-cluster');
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(1);

  await page.keyboard.press('Escape');
  await page.keyboard.press('/');
  await expect(page.getByTestId('search-input')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('search')).toHaveCount(0);
});
