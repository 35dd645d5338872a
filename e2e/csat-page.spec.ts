import { expect, test } from '@playwright/test';
import { apiGet, createTicketViaApi, signIn, unique } from './helpers.js';

test('an unknown or expired rating link says so', async ({ page }) => {
  await page.goto('/csat/this-token-does-not-exist');
  await expect(page.getByRole('heading', { name: 'This rating link has expired' })).toBeVisible();
});

test('the requester rates a solved ticket from the e-mailed link and can change the rating', async ({ page, browser }) => {
  await signIn(page);
  const subject = unique('Dashboard widgets load slowly');
  const ticket = await createTicketViaApi(page, {
    subject,
    description: 'The usage dashboard takes a minute to load.',
    requesterEmail: 'ops@northwind-logistics.com',
    requesterName: 'Ops Desk',
  });
  const session = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const solved = await page.request.post(`/api/tickets/${ticket.id}/messages`, {
    data: { body: 'Fixed by the new cache.', status: 'solved' },
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(solved.status(), await solved.text()).toBe(201);
  const surveys = await apiGet<{ items: { link: string }[] }>(page, `/api/tickets/${ticket.id}/csat`);

  const requester = await (await browser.newContext()).newPage();
  await requester.goto(surveys.items[0]!.link);
  await expect(requester.getByRole('heading', { name: subject })).toBeVisible();
  await expect(requester.getByRole('button', { name: 'Send rating' })).toBeDisabled();
  await requester.getByRole('button', { name: 'Good' }).click();
  await requester.getByLabel(/Anything you would like to add/).fill('Quick and clear, thank you.');
  await requester.getByRole('button', { name: 'Send rating' }).click();
  await expect(requester.getByRole('heading', { name: 'Thank you for your feedback' })).toBeVisible();
  await expect(requester.getByRole('status')).toContainText('good');

  await requester.getByRole('button', { name: /Change my rating/ }).click();
  await requester.getByRole('button', { name: 'Bad' }).click();
  await requester.getByRole('button', { name: 'Send rating' }).click();
  await expect(requester.getByRole('status')).toContainText('bad');
  await requester.context().close();
});
