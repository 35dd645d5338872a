import { expect, test } from '@playwright/test';
import { createTicketViaApi, pick, signIn, unique } from './helpers.js';

interface EnvironmentSummary {
  id: string;
  name: string;
  product: string;
  version: string;
  account: { id: string; name: string };
}

test('a support engineer names the environment a case is about and finds the case on that environment', async ({ page }) => {
  await signIn(page);
  const environments = (await (await page.request.get('/api/environments?name=production')).json()) as { items: EnvironmentSummary[] };
  const env = environments.items[0]!;
  const contacts = (await (await page.request.get(`/api/accounts/${env.account.id}/contacts`)).json()) as { items: { email: string }[] };
  const subject = unique('Reports time out after upgrade');
  const ticket = await createTicketViaApi(page, {
    subject,
    description: 'Dashboards spin for minutes.',
    requesterEmail: contacts.items[0]!.email,
  });

  await page.goto(`/tickets/${ticket.id}`);
  const card = page.getByRole('region', { name: 'Delivery context' });
  await pick(card, 'Environment', `${env.name} · ${env.product} ${env.version}`);
  await expect(card.getByTestId('versions-behind')).toBeVisible();

  await card.getByRole('link', { name: 'Open environment' }).click();
  await expect(page).toHaveURL(new RegExp(`/environments/${env.id}$`));
  await expect(page.getByRole('link', { name: new RegExp(subject) })).toBeVisible();
});
