import { expect, test } from '@playwright/test';
import { createTicketViaApi, navigate, pick, signIn, unique } from './helpers.js';

test('an agent attaches a log to a reply and sees it on the message; a file type that is not allowed is refused with the reason', async ({
  page,
}) => {
  await signIn(page);
  const ticket = await createTicketViaApi(page, {
    subject: unique('Export job fails at 80%'),
    description: 'The nightly export stops with an error.',
    requesterEmail: 'dispatch@northwind-logistics.com',
  });
  await page.goto(`/tickets/${ticket.id}`);

  const composer = page.getByRole('region', { name: 'Reply composer' });
  await composer.getByLabel('Public reply').fill('Here is the worker log from our side.');
  await composer.locator('input[type="file"]').setInputFiles({
    name: 'export-worker.log',
    mimeType: 'text/plain',
    buffer: Buffer.from('2024-05-01T02:00:00Z export started\n2024-05-01T02:41:10Z out of memory\n'),
  });
  await expect(composer.getByRole('list', { name: 'Files to attach' })).toContainText('export-worker.log');
  await composer.getByRole('button', { name: /^Submit as/ }).click();

  const message = page.getByRole('listitem', { name: /^Message from/ }).filter({ hasText: 'Here is the worker log from our side.' });
  await expect(message.getByRole('link', { name: /export-worker\.log/ })).toBeVisible();
  await expect(composer.getByRole('list', { name: 'Files to attach' })).toBeHidden();
  const files = page.getByRole('region', { name: 'Files' });
  await expect(files.getByRole('link', { name: 'export-worker.log' })).toBeVisible();

  // A standalone upload of an executable: the server's 415 message is shown.
  await files
    .locator('input[type="file"]')
    .setInputFiles({ name: 'fix.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00') });
  await expect(files.getByRole('alert')).toContainText('“fix.exe” was not attached: This kind of file cannot be attached');

  // And a standalone text file is listed with the ticket's files.
  await files
    .locator('input[type="file"]')
    .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('steps to reproduce') });
  await expect(files.getByRole('link', { name: 'notes.txt' })).toBeVisible();
});

test('an agent saves the current queue under a name and finds it among the views', async ({ page }) => {
  await signIn(page);
  await navigate(page, 'Tickets');
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: /^All unsolved/ })
    .click();
  await page.getByRole('button', { name: 'Save view' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save view' });
  const name = unique('Urgent unsolved');
  await dialog.getByLabel('Name').fill(name);
  await pick(dialog, 'Priority', 'Urgent');
  await expect(dialog.getByLabel('Share with the whole team')).toBeVisible();
  await dialog.getByRole('button', { name: 'Save view' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  const views = page.getByRole('navigation', { name: 'Views' });
  await expect(views.getByText('My views')).toBeVisible();
  await expect(views.getByRole('button', { name: new RegExp(`^${name}`) })).toHaveAttribute('aria-current', 'page');
  const rows = page.getByRole('table', { name: 'Tickets' }).getByRole('row');
  await expect(rows.nth(1)).toContainText('Urgent');
});
