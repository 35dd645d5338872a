import { expect, test, type Page } from '@playwright/test';
import { apiCreate, apiGet, expectNoHorizontalOverflow, pick, signIn, VIEWPORTS } from './helpers.js';

/**
 * Issue 18, custom ticket fields and ticket types: a support admin adds a drop-down field on the
 * ticket fields screen, an agent sets the ticket's type and its fields on the ticket page (they
 * survive a reload), and the admin deactivates the field, which the ticket then shows read-only —
 * on a phone (390 px) and a laptop (1440 px).
 */

interface Ticket {
  id: string;
  type: string | null;
  customFields: { fieldId: string; title: string; value: unknown }[];
}

async function ticketOf(page: Page, id: string): Promise<Ticket> {
  return (await apiGet<{ ticket: Ticket }>(page, `/api/tickets/${id}`)).ticket;
}

for (const viewport of VIEWPORTS) {
  test(`a custom field is added, set on a ticket with its type, and retired (${viewport.name})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await signIn(page);
    const stamp = `${viewport.name}-${Date.now().toString(36)}`;
    const planTitle = `Plan ${stamp}`;
    const seats = await apiCreate<{ id: string }>(page, '/api/ticket-fields', { title: `Seats ${stamp}`, fieldType: 'integer' });

    // The admin screen: a new drop-down field with two options.
    await page.goto('/admin/ticket-fields');
    await expect(page.getByRole('heading', { name: 'Ticket fields', level: 2 })).toBeVisible();
    await page.getByRole('button', { name: 'New field' }).click();
    const dialog = page.getByRole('dialog', { name: 'New ticket field' });
    await dialog.getByLabel(/^Title/).fill(planTitle);
    await pick(dialog, 'Type', 'Drop-down');
    for (const [i, name] of ['Gold', 'Silver'].entries()) {
      await dialog.getByRole('button', { name: 'Add option' }).click();
      await dialog.getByLabel(`Option ${i + 1} name`).fill(name);
    }
    await expectNoHorizontalOverflow(page);
    await dialog.getByRole('button', { name: 'Create field' }).click();
    await expect(dialog).toBeHidden();
    const fields = page.getByRole('region', { name: 'Ticket fields' });
    const row = fields.getByRole('row').filter({ hasText: planTitle });
    await expect(row).toContainText('Drop-down · Gold, Silver');
    await expect(row).toContainText('Active');
    await expectNoHorizontalOverflow(page);

    // The ticket page: type and fields, saved as they change.
    const account = await apiCreate<{ id: string }>(page, '/api/accounts', {
      name: `Tyrell ${stamp}`,
      domains: [`tyrell-${stamp}.test`],
      segment: 'enterprise',
    });
    const ticket = await apiCreate<{ id: string }>(page, '/api/tickets', {
      subject: `Licence count ${stamp}`,
      description: 'How many seats are left?',
      requesterEmail: `rachael@tyrell-${stamp}.test`,
      accountId: account.id,
    });
    await page.goto(`/tickets/${ticket.id}`);
    const properties = page.getByRole('region', { name: 'Properties' });
    await pick(properties, 'Type', 'Incident');
    await expect.poll(async () => (await ticketOf(page, ticket.id)).type).toBe('incident');
    await pick(properties, planTitle, 'Gold');
    await expect.poll(async () => (await ticketOf(page, ticket.id)).customFields.map((f) => f.value)).toEqual(['gold']);
    const seatsInput = properties.getByLabel(`Seats ${stamp}`);
    await seatsInput.fill('12');
    await seatsInput.blur();
    await expect.poll(async () => (await ticketOf(page, ticket.id)).customFields.find((f) => f.fieldId === seats.id)?.value).toBe(12);
    await expectNoHorizontalOverflow(page);
    await page.reload();
    await expect(properties.getByLabel(`Seats ${stamp}`)).toHaveValue('12');
    await expect(properties.locator('input').and(properties.getByLabel(planTitle))).toHaveValue('Gold');
    await expect(properties.locator('input').and(properties.getByLabel('Type'))).toHaveValue('Incident');

    // Retired: the field keeps the ticket's value and shows it read-only.
    await page.goto('/admin/ticket-fields');
    await row.getByRole('button', { name: `Deactivate ${planTitle}` }).click();
    await expect(row).toContainText('Inactive');
    await page.goto(`/tickets/${ticket.id}`);
    const custom = properties.getByRole('group', { name: 'Custom fields' });
    await expect(custom.getByText(planTitle, { exact: true })).toBeVisible();
    await expect(custom.getByText('Gold', { exact: true })).toBeVisible();
    await expect(custom.locator('input').and(custom.getByLabel(planTitle))).toHaveCount(0);
    await expectNoHorizontalOverflow(page);
  });
}

for (const viewport of VIEWPORTS) {
  test(`an account's tags and notes are edited and shown on its page (${viewport.name})`, async ({ page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await signIn(page);
    const stamp = `${viewport.name}-${Date.now().toString(36)}`;
    const account = await apiCreate<{ id: string }>(page, '/api/accounts', { name: `Wallace ${stamp}`, segment: 'smb' });
    await page.goto(`/accounts/${account.id}`);
    await page.getByRole('button', { name: 'Edit account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit account' });
    const tags = dialog.getByLabel('Tags');
    await tags.fill('replicants');
    await tags.press('Enter');
    await dialog.getByLabel('Notes').fill('Renewal talks go through Gaff.');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog).toBeHidden();
    const shown = page.getByRole('region', { name: 'Tags and notes' });
    await expect(shown.getByText('replicants', { exact: true })).toBeVisible();
    await expect(shown.getByText('Renewal talks go through Gaff.')).toBeVisible();
    await expectNoHorizontalOverflow(page);
    const listed = await apiGet<{ items: { id: string }[] }>(page, '/api/accounts?tag=replicants&limit=200');
    expect(listed.items.map((a) => a.id)).toContain(account.id);
  });
}
