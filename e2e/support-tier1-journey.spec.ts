import { expect, test } from '@playwright/test';
import { createTicketViaApi, navigate, openView, pick, signIn, signOut, unique } from './helpers.js';

const PRIYA = 'priya.raman@outpost.local';
const ELENA = 'elena.petrova@outpost.local';

test('a Tier 1 agent works a case from the queue, pauses it on the customer and escalates it to Tier 2 with what was tried', async ({
  page,
}) => {
  await signIn(page, PRIYA);
  const subject = unique('Exports time out after the upgrade');
  await createTicketViaApi(page, {
    subject,
    description: 'Since the upgrade every CSV export times out after 30 seconds.',
    requesterEmail: 'ines.duarte@northwind-logistics.com',
    requesterName: 'Ines Duarte',
    priority: 'normal',
    tags: ['exports'],
  });

  // The queue: views with counts, the case with its SLA countdown.
  await navigate(page, 'Tickets');
  await openView(page, 'Tier 1 unassigned');
  const views = page.getByRole('navigation', { name: 'Views' });
  await expect(views.getByRole('button', { name: /^Tier 2 queue/ })).toContainText(/\d+/);
  await expect(page.getByText(/\d+ tickets · nearest SLA due first/)).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: subject });
  await expect(row).toContainText('Ines Duarte');
  await expect(row).toContainText('Northwind Logistics');
  await expect(row).toContainText('New');
  await expect(row.getByText(/^in \d+[mhd]/)).toBeVisible();
  await expect(
    page
      .getByRole('table', { name: 'Tickets' })
      .getByText(/^Overdue /)
      .first(),
  ).toBeVisible();

  // The case, with the account's whole context beside it.
  await row.getByRole('link', { name: subject }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(subject) })).toBeVisible();
  const context = page.getByRole('region', { name: 'Account context' });
  await expect(context.getByRole('link', { name: 'Northwind Logistics' })).toBeVisible();
  await expect(context.getByText('Strategic')).toBeVisible();
  await expect(context.getByText('ARR', { exact: true })).toBeVisible();
  await expect(context.getByText('Account team')).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'SLA targets' })
      .getByText(/Due in/)
      .first(),
  ).toBeVisible();

  // An internal note, shown as a note.
  const composer = page.getByRole('region', { name: 'Reply composer' });
  await composer.getByRole('tab', { name: 'Internal note' }).click();
  await composer
    .getByRole('textbox', { name: 'Internal note' })
    .fill('Reproduced on 4.2: export of 80k rows hits the 30 s proxy timeout. Cleared cache, no change.');
  await composer.getByRole('button', { name: 'Submit as Open' }).click();
  const conversation = page.getByRole('list', { name: 'Conversation' });
  const note = conversation.getByRole('listitem', { name: 'Internal note by Priya Raman' });
  await expect(note).toContainText('Reproduced on 4.2');
  await expect(note.getByText('Internal note')).toBeVisible();

  // A public reply submitted as Pending pauses the SLA.
  await composer.getByRole('tab', { name: 'Public reply' }).click();
  await composer
    .getByRole('textbox', { name: 'Public reply' })
    .fill('Hi Ines, could you tell us roughly how many rows the failing export has?');
  await composer.getByRole('button', { name: 'More submit options' }).click();
  await page.getByRole('menuitem', { name: 'Submit as Pending' }).click();
  await expect(conversation.getByRole('listitem', { name: 'Message from Priya Raman' })).toContainText('how many rows');
  const header = page
    .getByRole('heading', { level: 2, name: new RegExp(subject) })
    .locator('xpath=ancestor::div[contains(@class,"mantine-Card-root")]');
  await expect(header.getByText('Pending', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'SLA targets' }).getByText('Paused', { exact: true }).first()).toBeVisible();

  // The customer answered by phone: reopen.
  await pick(page.getByRole('region', { name: 'Properties' }), 'Status', 'Open');
  await expect(header.getByText('Open', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'SLA targets' }).getByText('Paused', { exact: true })).toBeHidden();

  // Escalate: the summary arrives pre-filled with the note.
  await page.getByRole('button', { name: 'Escalate' }).click();
  const dialog = page.getByRole('dialog', { name: /Escalate #/ });
  await expect(dialog.getByLabel('Summary of what was tried')).toHaveValue(/Reproduced on 4\.2/);
  await expect(dialog.locator('input').and(dialog.getByLabel(/^Escalate to/))).toHaveValue('Tier 2');
  await dialog.getByLabel('Reason').fill('Needs server-side logs to find the slow query');
  await dialog.getByRole('button', { name: 'Escalate to Tier 2' }).click();
  await expect(dialog).toBeHidden();
  await expect(header.getByText('Tier 2', { exact: true })).toBeVisible();
  await expect(page.getByText(/Escalated to Tier 2 .* by Priya Raman/)).toBeVisible();
  await page.getByRole('tab', { name: /Escalations/ }).click();
  const record = page.getByRole('list', { name: 'Escalations' }).getByRole('listitem').first();
  await expect(record).toContainText('Needs server-side logs');
  await expect(record).toContainText('Reproduced on 4.2');

  // The history tells the story in sentences.
  await page.getByRole('tab', { name: 'History' }).click();
  const history = page.getByLabel('History');
  await expect(history.getByText('Priya Raman changed status Pending → Open')).toBeVisible();
  await expect(history.getByText(/Priya Raman escalated Tier 1 → Tier 2: Needs server-side logs/)).toBeVisible();
  await expect(history.getByText('Priya Raman added an internal note')).toBeVisible();

  // Elena finds it in the Tier 2 queue.
  await signOut(page);
  await signIn(page, ELENA);
  await navigate(page, 'Tickets');
  await openView(page, 'Tier 2 queue');
  await expect(page.getByRole('row').filter({ hasText: subject })).toContainText('Tier 2');
});
