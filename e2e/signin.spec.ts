/**
 * Device-code sign-in in the harvest panel. A real device-code flow needs Microsoft Entra ID (the
 * authority host is fixed per cloud), so this drives the UI path with an injected event: the
 * browser-mode event stream is answered with one `harvest:signIn` event, as main sends it
 * (src/main/handlers/signInPrompt.test.ts covers main → event stream), while the subscription
 * listing it belongs to is held open, then answered.
 */
import { expect, test } from '@playwright/test';
import { appUrl, shot } from './support';

const PROMPT = {
  method: 'deviceCode',
  message: 'To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code E2ECODE42 to authenticate.',
  verificationUri: 'https://microsoft.com/devicelogin',
  userCode: 'E2ECODE42',
};

test('harvest: a device-code sign-in shows its link and a copyable code until the sign-in goes through', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  let listCalled!: () => void;
  const listing = new Promise<void>((r) => (listCalled = r));
  let answerList!: () => void;
  const answered = new Promise<void>((r) => (answerList = r));
  await page.route('**/api/events?**', async (route) => {
    await listing;
    // `retry` keeps the browser from reconnecting (and re-reading this one event) while the test runs.
    await route.fulfill({ status: 200, headers: { 'content-type': 'text/event-stream' }, body: `retry: 600000\nevent: harvest:signIn\ndata: ${JSON.stringify(PROMPT)}\n\n` });
  });
  await page.route('**/api/invoke/harvest%3AlistSubscriptions', async (route) => {
    expect(route.request().postDataJSON()).toMatchObject({ signIn: 'deviceCode' });
    listCalled();
    await answered;
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true, value: [{ subscriptionId: 'sub-e2e', displayName: 'Signed-in subscription' }] }) });
  });

  await page.goto(appUrl());
  await page.getByTestId('open-harvest').click();
  await page.getByTestId('harvest-signin').selectOption('deviceCode');
  await page.getByTestId('harvest-list').click();

  await expect(page.getByTestId('harvest-list-status')).toHaveText('Listing subscriptions…');
  const card = page.getByTestId('signin-prompt');
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute('data-method', 'deviceCode');
  await expect(page.getByTestId('signin-code')).toHaveText('E2ECODE42');
  const link = page.getByTestId('signin-link');
  await expect(link).toHaveAttribute('href', 'https://microsoft.com/devicelogin');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/);
  await page.getByTestId('signin-copy').click();
  await expect(page.getByTestId('signin-copy')).toHaveText('Copied');
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe('E2ECODE42');
  await shot(page, '12-harvest-device-code');

  answerList();
  await expect(page.getByTestId('harvest-subscriptions')).toContainText('Signed-in subscription');
  await expect(card).toHaveCount(0);
});
