import { expect, test } from '@playwright/test';
import { signIn, unique } from './helpers.js';

test('the portal’s name and colour set by an admin greet customers on the portal sign-in page', async ({ page, browser }) => {
  await signIn(page);
  await page.goto('/admin/portal');
  const name = unique('Acme Help Centre');
  await page.getByLabel(/^Portal name/).fill(name);
  await page.getByLabel(/^Brand colour/).fill('#e64980');
  await page.getByLabel(/^Brand colour/).press('Tab');
  await expect(page.getByRole('img', { name: 'Portal preview' })).toContainText(name);
  await page.getByRole('button', { name: 'Save branding' }).click();
  await expect(page.getByText('Portal branding saved')).toBeVisible();

  const customer = await (await browser.newContext()).newPage();
  await customer.goto('/portal/sign-in');
  await expect(customer.getByTestId('portal-name')).toHaveText(name);
  await expect(customer.getByRole('button', { name: 'E-mail me a sign-in link' })).toHaveCSS('background-color', 'rgb(230, 73, 128)');
  await customer.context().close();

  // Back to the default, so other specs see the portal as shipped.
  const session = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const reset = await page.request.put('/api/settings/portal-branding', {
    data: { name: 'Support portal', logoUrl: null, colour: '#228be6' },
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(reset.status()).toBe(200);
});
