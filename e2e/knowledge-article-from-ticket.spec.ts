import { expect, test } from '@playwright/test';
import { apiCreate, createTicketViaApi, navigate, pick, signIn, unique } from './helpers.js';

test('an agent writes an article from a solved ticket, publishes it, and sees it linked on the ticket and counted in the knowledge base', async ({
  page,
}) => {
  await signIn(page);
  const ticket = await createTicketViaApi(page, {
    subject: unique('Calendar sync duplicates recurring events'),
    description: 'Every recurring meeting shows up twice after connecting Outlook.',
    requesterEmail: 'dispatch@northwind-logistics.com',
    requesterName: 'Dana Okoye',
  });
  await apiCreate(page, `/api/tickets/${ticket.id}/messages`, {
    body: 'Disconnect the legacy Exchange connector, then re-run the sync.',
    visibility: 'public',
    status: 'solved',
  });
  await apiCreate(page, `/api/tickets/${ticket.id}/messages`, {
    body: 'Root cause: both connectors were active for this tenant.',
    visibility: 'internal',
  });
  await page.goto(`/tickets/${ticket.id}`);

  const knowledge = page.getByRole('region', { name: 'Knowledge' });
  await expect(knowledge.getByText('No article linked yet')).toBeVisible();
  await knowledge.getByRole('link', { name: 'Write an article from this ticket' }).click();

  // The editor starts from the ticket: its subject, the problem and the resolution.
  await expect(page.getByRole('heading', { name: 'New article', level: 2 })).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue(ticket.subject);
  await expect(page.getByLabel('Body')).toHaveValue(
    /## Problem[\s\S]*recurring meeting[\s\S]*## Resolution[\s\S]*legacy Exchange connector[\s\S]*<details>/,
  );
  await page.getByRole('tab', { name: 'Preview' }).click();
  const preview = page.getByLabel('Preview');
  await expect(preview.getByRole('heading', { name: 'Resolution' })).toBeVisible();
  await expect(preview.getByText('Internal notes')).toBeVisible();
  await page.getByRole('tab', { name: 'Write' }).click();

  // A tag the server refuses is reported under the tags field.
  const tags = page.locator('input').and(page.getByLabel('Tags'));
  await tags.fill('sync!');
  await tags.press('Enter');
  await page.getByRole('button', { name: 'Create article' }).click();
  await expect(page.getByText(/Tags are lower-case words/)).toBeVisible();
  await tags.press('Backspace');
  await tags.fill('calendar');
  await tags.press('Enter');

  await pick(page, 'Status', 'Published');
  await page.locator('input').and(page.getByLabel('Product area')).fill('Integrations');
  await page.getByRole('button', { name: 'Create article' }).click();

  // The article page: published, and it solved one case.
  await expect(page.getByRole('heading', { name: ticket.subject, level: 2 })).toBeVisible();
  await expect(page.getByText('Published', { exact: true }).first()).toBeVisible();
  const use = page.getByRole('region', { name: 'Use on tickets' });
  await expect(use).toContainText(/1\s*case solved/);
  await expect(page.getByRole('article').getByRole('heading', { name: 'Problem' })).toBeVisible();

  // Linked on the ticket, marked as solving it.
  await page.getByRole('link', { name: 'the source ticket' }).click();
  const linked = knowledge.getByRole('group', { name: ticket.subject });
  await expect(linked).toBeVisible();
  await expect(linked.getByRole('switch', { name: 'Solved this case' })).toBeChecked();

  // In the knowledge base list, with its solved count.
  await navigate(page, 'Knowledge base');
  await expect(page.getByRole('heading', { name: 'Knowledge base', level: 2 })).toBeVisible();
  await pick(page, 'Status', 'Published');
  const row = page.getByRole('row').filter({ hasText: ticket.subject });
  await expect(row).toContainText('Integrations');
  await expect(row.getByLabel('Solved 1')).toBeVisible();
});

test('an agent links an existing article to a ticket and marks it as the one that solved it', async ({ page }) => {
  await signIn(page);
  const ticket = await createTicketViaApi(page, {
    subject: unique('Reset e-mail never arrives'),
    description: 'The password reset e-mail does not reach our inbox.',
    requesterEmail: 'dispatch@northwind-logistics.com',
  });
  await page.goto(`/tickets/${ticket.id}`);
  const knowledge = page.getByRole('region', { name: 'Knowledge' });
  await knowledge.getByLabel('Link an article').fill('password reset');
  await page.getByRole('option', { name: 'Password reset e-mails are not arriving' }).click();
  const linked = knowledge.getByRole('group', { name: 'Password reset e-mails are not arriving' });
  await expect(linked).toBeVisible();
  const solved = linked.getByRole('switch', { name: 'Solved this case' });
  await expect(solved).not.toBeChecked();
  const before = Number((await linked.getByText(/^solved \d+$/).textContent())?.replace('solved ', ''));
  await solved.click({ force: true });
  await expect(solved).toBeChecked();
  await expect(linked.getByText(`solved ${before + 1}`)).toBeVisible();

  await linked.getByRole('button', { name: 'Unlink Password reset e-mails are not arriving' }).click();
  await expect(linked).toBeHidden();
});
