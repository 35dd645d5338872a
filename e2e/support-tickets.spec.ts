import { expect, test } from '@playwright/test';
import { createTicketViaApi, navigate, openView, pick, signIn, unique } from './helpers.js';

test('a ticket from a new requester on a customer’s domain lands on that account with a first-reply due time', async ({ page }) => {
  await signIn(page, 'priya.raman@outpost.local');
  await navigate(page, 'Tickets');
  await page.getByRole('button', { name: 'New ticket' }).click();
  const dialog = page.getByRole('dialog', { name: 'New ticket' });
  const subject = unique('Route optimiser ignores depot hours');
  const email = `${unique('dispatch').replace(' ', '.')}@northwind-logistics.com`;
  await dialog.getByLabel('Subject').fill(subject);
  await dialog.getByLabel('Description').fill('Routes planned today send trucks to depots outside their opening hours.');
  await dialog.getByLabel('Requester e-mail').fill(email);
  await dialog.getByLabel('Requester name').fill('Dana Okoye');
  await pick(dialog, 'Priority', 'High');
  await dialog.getByRole('button', { name: 'Create ticket' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole('heading', { level: 2, name: new RegExp(subject) })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Account context' }).getByRole('link', { name: 'Northwind Logistics' })).toBeVisible();
  const sla = page.getByRole('region', { name: 'SLA targets' });
  await expect(sla).toContainText('First reply');
  await expect(sla.getByText(/Due in \d+/).first()).toBeVisible();

  await page.getByRole('link', { name: 'Tickets' }).first().click();
  await openView(page, 'All unsolved');
  const row = page.getByRole('row').filter({ hasText: subject });
  await expect(row).toContainText('Dana Okoye');
  await expect(row).toContainText('Northwind Logistics');
  await expect(row).toContainText('High');
  await expect(row.getByText(/^in \d+[mhd]/)).toBeVisible();
});

test('a requester whose domain matches no account is asked for the account', async ({ page }) => {
  await signIn(page, 'priya.raman@outpost.local');
  await navigate(page, 'Tickets');
  await page.getByRole('button', { name: 'New ticket' }).click();
  const dialog = page.getByRole('dialog', { name: 'New ticket' });
  const subject = unique('SSO login loops');
  await dialog.getByLabel('Subject').fill(subject);
  await dialog.getByLabel('Description').fill('Signing in with SSO sends us back to the login page.');
  await dialog.getByLabel('Requester e-mail').fill('it.helpdesk@gmail-partner.example');
  await dialog.getByRole('button', { name: 'Create ticket' }).click();
  await expect(dialog.getByText('No account uses this e-mail domain')).toBeVisible();
  await dialog
    .locator('input')
    .and(dialog.getByLabel(/^Account/))
    .fill('Granite');
  await page.getByRole('option', { name: 'Granite Legal LLP' }).click();
  await dialog.getByRole('button', { name: 'Create ticket' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Account context' }).getByRole('link', { name: 'Granite Legal LLP' })).toBeVisible();
});

test('escalating to engineering needs an engineering issue and lists the case as escalated', async ({ page }) => {
  await signIn(page, 'elena.petrova@outpost.local');
  const ticket = await createTicketViaApi(page, {
    subject: unique('Webhook signatures fail for large payloads'),
    description: 'Signature verification fails for payloads over 1 MB.',
    requesterEmail: 'platform@kestrel-aero.com',
    requesterName: 'Platform Team',
  });
  await page.goto(`/tickets/${ticket.id}`);
  await page.getByRole('button', { name: 'Escalate', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /Escalate #/ });
  await pick(dialog, 'Escalate to', 'Engineering');
  // The issue is prefilled from the ticket; without a title there is no issue to escalate to.
  await expect(dialog.getByLabel(/^Issue title/)).toHaveValue(ticket.subject);
  await dialog.getByLabel(/^Issue title/).fill('');
  await dialog.getByLabel(/^Reason/).fill('Reproduced: the signature is computed over a truncated body');
  await dialog.getByRole('button', { name: 'Escalate to Engineering' }).click();
  await expect(dialog.getByText('Give the engineering issue a title')).toBeVisible();

  await dialog.getByLabel(/^Issue title/).fill(ticket.subject);
  await dialog.getByRole('button', { name: 'Escalate to Engineering' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Engineering issues' }).getByRole('link').first()).toBeVisible();
  await expect(page.getByText(/Escalated to Engineering .* by Elena Petrova/)).toBeVisible();

  await navigate(page, 'Tickets');
  await openView(page, 'Escalated to engineering');
  await expect(page.getByRole('row').filter({ hasText: ticket.subject })).toBeVisible();
});
