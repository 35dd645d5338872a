import { expect, test, type Page } from '@playwright/test';
import { apiGet, daysAgo, pick, signIn, unique } from './helpers.js';

/** A demo account with contacts; `contact.option` is how the attendee picker lists the first one. */
async function northwind(page: Page): Promise<{ id: string; contact: { name: string; option: string } }> {
  const accounts = await apiGet<{ items: { id: string; name: string; contactCount: number }[] }>(page, '/api/accounts?q=Northwind&limit=5');
  const account = accounts.items.find((a) => a.contactCount > 0);
  if (!account) throw new Error('The demo workspace has no Northwind account with contacts');
  const contacts = await apiGet<{ items: { name: string; title: string | null }[] }>(page, `/api/accounts/${account.id}/contacts`);
  const contact = contacts.items[0]!;
  return { id: account.id, contact: { name: contact.name, option: contact.title ? `${contact.name} (${contact.title})` : contact.name } };
}

test('a delivered training session, with the attendee’s feedback, appears on the account timeline', async ({ page }) => {
  await signIn(page);
  const account = await northwind(page);
  await page.goto(`/accounts/${account.id}`);

  const card = page.getByRole('region', { name: 'Training sessions' });
  await card.getByRole('button', { name: 'Schedule training' }).click();
  const dialog = page.getByRole('dialog', { name: 'Schedule training' });
  const topic = unique('Workflow automation for admins');
  await dialog.getByLabel('Topic').fill(topic);
  await pick(dialog, 'Audience', 'IT admins');
  await dialog.getByLabel('When').fill(daysAgo(0));
  await pick(dialog, 'Attendees', account.contact.option);
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: 'Add material' }).click();
  await dialog.getByLabel('Material 1 title').fill('Automation guide');
  await dialog.getByLabel('Material 1 link').fill('https://docs.example.com/automation');
  await dialog.getByRole('button', { name: 'Schedule training' }).click();
  await expect(dialog).toBeHidden();

  const session = card.getByRole('article', { name: `Training: ${topic}` });
  await expect(session).toContainText('IT admins');
  await expect(session).toContainText('Scheduled');
  await expect(session).toContainText(account.contact.name);
  await expect(session.getByRole('link', { name: 'Automation guide' })).toBeVisible();

  await session.getByRole('button', { name: 'Deliver' }).click();
  const deliver = page.getByRole('dialog', { name: 'Mark training delivered' });
  await deliver.getByRole('button', { name: 'Mark delivered' }).click();
  await expect(deliver).toBeHidden();
  await expect(session).toContainText('Delivered');
  await expect(session).toContainText('No feedback yet');

  const timeline = page.getByRole('list', { name: 'Interaction timeline' });
  await expect(timeline.getByText(`Training: ${topic} (IT administrators)`)).toBeVisible();

  await session.getByRole('button', { name: 'Feedback' }).click();
  const feedback = page.getByRole('dialog', { name: 'Record attendee feedback' });
  // The stars are radio inputs under their labels; Space on one picks it (Enter would submit the form).
  await feedback.getByRole('radio', { name: '4 of 5' }).press('Space');
  await feedback.getByLabel('Comment').fill('Clear and practical');
  await feedback.getByRole('button', { name: 'Save feedback' }).click();
  await expect(feedback).toBeHidden();
  await expect(session).toContainText('4.0 average from 1 of 1 attendee');
  await expect(session).toContainText('“Clear and practical”');
});

test('a completed field visit, checklist ticked and report written, appears on the account timeline', async ({ page }) => {
  await signIn(page);
  const account = await northwind(page);
  await page.goto(`/accounts/${account.id}`);

  const card = page.getByRole('region', { name: 'Field visits' });
  await card.getByRole('button', { name: 'Plan visit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Plan a field visit' });
  const purpose = unique('Replace the scanner gateway');
  await dialog.getByLabel('Site address').fill('Northwind depot 3, 8 Quay Street');
  await dialog.getByLabel('Purpose').fill(purpose);
  await dialog.getByRole('button', { name: 'Add item' }).click();
  await dialog.getByRole('textbox', { name: 'Checklist item 2' }).fill('Old gateway shipped back');
  await dialog.getByRole('button', { name: 'Plan visit' }).click();
  await expect(dialog).toBeHidden();

  const visit = card.getByRole('article', { name: `Visit: ${purpose}` });
  await expect(visit).toContainText('Planned');
  await expect(visit).toContainText('0 of 2 done');
  // The tick is drawn from the list's cache a moment after the click, so wait for it rather than demand it at once.
  await visit.getByLabel('Site access and badges arranged').click();
  await expect(visit.getByLabel('Site access and badges arranged')).toBeChecked();
  await expect(visit).toContainText('1 of 2 done');
  await visit.getByLabel('Old gateway shipped back').click();
  await expect(visit.getByLabel('Old gateway shipped back')).toBeChecked();
  await expect(visit).toContainText('2 of 2 done');

  await visit.getByRole('button', { name: 'Report & complete' }).click();
  const report = page.getByRole('dialog', { name: 'Visit report' });
  await report.getByRole('textbox', { name: 'Report' }).fill('## What we did\n- Swapped the gateway; scanners re-paired in 20 minutes');
  await report.getByRole('button', { name: 'Save and complete visit' }).click();
  await expect(report).toBeHidden();
  await expect(visit).toContainText('Completed');
  await expect(visit).toContainText('Swapped the gateway');

  const timeline = page.getByRole('list', { name: 'Interaction timeline' });
  await expect(timeline.getByText(`Site visit: ${purpose}`)).toBeVisible();
});
