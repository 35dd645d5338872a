import { expect, test } from '@playwright/test';
import { apiCreate, createTicketViaApi, signIn, unique } from './helpers.js';

// Changes made elsewhere (another agent, the API, another node) reach an open screen over the live
// event stream: no reload, no waiting for the 30 s refresh.
test('the queue and the open ticket update live when someone else changes them', async ({ page }) => {
  await signIn(page);
  await page.goto('/tickets?view=view-unsolved');
  const indicator = page.getByTestId('live-indicator');
  await expect(indicator).toContainText('Live');
  const heading = page.getByText(/\d+ tickets? · nearest SLA due first/);
  const before = Number((await heading.textContent())?.match(/^(\d+)/)?.[1]);

  // The request goes around the screen (page.request), like a change made on another machine.
  const ticket = await createTicketViaApi(page, {
    subject: unique('Live queue'),
    description: 'Dashboards are blank.',
    requesterEmail: 'ops@northwind-logistics.com',
    requesterName: 'Ops Desk',
  });
  await expect(heading).toContainText(`${before + 1} ticket`, { timeout: 5_000 });
  await expect(indicator).toContainText('updated just now');

  await page.goto(`/tickets/${ticket.id}`);
  await expect(page.getByTestId('live-indicator')).toContainText('Live');
  const reply = unique('Restart the collector, then reload');
  await apiCreate(page, `/api/tickets/${ticket.id}/messages`, { body: reply, visibility: 'public' });
  await expect(page.getByText(reply)).toBeVisible({ timeout: 5_000 });
});
