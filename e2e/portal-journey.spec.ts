import { expect, test, type Browser, type Page } from '@playwright/test';
import { apiGet, signIn, smtpSinkPort, startSmtpSink, unique } from './helpers.js';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;

test.beforeAll(async () => {
  sink = await startSmtpSink(smtpSinkPort(test.info().project.name));
});

test.afterAll(async () => {
  await sink.close();
});

interface Contact {
  id: string;
  name: string;
  email: string;
}

/** A demo customer contact, and a ticket of another account it must never see. */
async function pickContact(admin: Page): Promise<{ contact: Contact; accountId: string; accountName: string; foreignTicketId: string }> {
  const accounts = await apiGet<{ items: { id: string; name: string; contactCount: number }[] }>(admin, '/api/accounts?limit=20');
  const account = accounts.items.find((a) => a.contactCount > 0);
  if (!account) throw new Error('The demo workspace has no account with contacts');
  const contacts = await apiGet<{ items: Contact[] }>(admin, `/api/accounts/${account.id}/contacts`);
  const tickets = await apiGet<{ items: { id: string; account: { id: string } }[] }>(admin, '/api/tickets?limit=50');
  const foreign = tickets.items.find((t) => t.account.id !== account.id);
  if (!foreign) throw new Error('The demo workspace has no ticket of another account');
  return { contact: contacts.items[0]!, accountId: account.id, accountName: account.name, foreignTicketId: foreign.id };
}

async function signInAsAdmin(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page);
  return page;
}

test('a customer signs in with an e-mailed link, opens a request and sees the agent’s reply, but never another account’s ticket', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const admin = await signInAsAdmin(browser);
  const { contact, accountName, foreignTicketId } = await pickContact(admin);

  // The portal sends signed-out visitors to its own sign-in page, not the workbench's.
  await page.goto('/portal');
  await expect(page).toHaveURL(/\/portal\/sign-in/);
  const askedAt = Date.now();
  await page.getByLabel('Work e-mail').fill(contact.email);
  await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();

  // The link arrives by e-mail, pointing at this server.
  const mail = await sink.waitForMail(
    (m) => m.to.includes(contact.email.toLowerCase()) && /sign-in link/i.test(m.subject) && m.receivedAt >= askedAt,
  );
  const link = /(https?:\/\/\S+\/portal\/sign-in\?token=[\w%-]+)/.exec(mail.text)?.[1];
  expect(link, mail.text).toBeTruthy();
  expect(link!.startsWith(`${baseURL}/portal/sign-in`)).toBe(true);

  await page.goto(link!);
  await expect(page.getByRole('heading', { name: 'Your requests' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Your profile menu' })).toContainText(accountName);

  // A new request.
  const subject = unique('Exports time out for large reports');
  await page.getByRole('link', { name: 'New request' }).first().click();
  await page.getByLabel('Subject').fill(subject);
  await page.getByLabel('Description').fill('Since Monday the monthly usage export fails after 30 seconds. Smaller reports work.');
  await page.getByRole('button', { name: 'Submit request' }).click();
  await expect(page.getByRole('heading', { level: 2, name: subject })).toBeVisible();
  const ticketId = new URL(page.url()).pathname.split('/').pop()!;
  const conversation = page.getByRole('list', { name: 'Conversation' });
  await expect(conversation.getByRole('listitem', { name: `Message by ${contact.name}` })).toContainText('monthly usage export');

  // An agent answers in the workbench.
  await admin.goto(`/tickets/${ticketId}`);
  await expect(admin.getByRole('heading', { level: 2, name: new RegExp(subject) })).toBeVisible();
  const composer = admin.getByRole('region', { name: 'Reply composer' });
  await composer.getByRole('tab', { name: 'Public reply' }).click();
  await composer
    .getByRole('textbox', { name: 'Public reply' })
    .fill('We reproduced it: the export hits a 30 s proxy timeout. Could you tell us the report size?');
  await composer.getByRole('button', { name: 'More submit options' }).click();
  await admin.getByRole('menuitem', { name: 'Submit as Pending' }).click();
  await expect(admin.getByRole('list', { name: 'Conversation' }).getByText('hits a 30 s proxy timeout')).toBeVisible();

  // The customer sees the reply, marked as support's, and that it is their turn.
  await page.reload();
  await expect(conversation.getByRole('listitem', { name: /^Reply from support by / })).toContainText('hits a 30 s proxy timeout');
  await expect(page.getByText('Awaiting your reply').first()).toBeVisible();
  await page.getByRole('textbox', { name: 'Your reply' }).fill('About 80,000 rows.');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(conversation.getByRole('listitem', { name: `Message by ${contact.name}` }).filter({ hasText: '80,000 rows' })).toBeVisible();

  // The request is listed with the organisation's open ones, and under "Only mine".
  await page.getByRole('link', { name: 'Your requests' }).click();
  await expect(page.getByRole('heading', { name: 'Your requests' })).toBeVisible();
  await page.getByRole('switch', { name: 'Only mine' }).click();
  await expect(page.getByRole('switch', { name: 'Only mine' })).toBeChecked();
  await expect(page).toHaveURL(/mine=true/);
  await expect(page.getByRole('row').filter({ hasText: subject })).toContainText('Open');

  // Another account's ticket does not exist as far as this customer is concerned.
  await page.goto(`/portal/tickets/${foreignTicketId}`);
  await expect(page.getByText('Request not found')).toBeVisible();

  // The link worked once; still signed in, asking for a new one leads back to the requests.
  await page.goto(link!);
  await expect(page.getByRole('heading', { name: 'This sign-in link has expired' })).toBeVisible();
  await page.getByRole('button', { name: 'E-mail me a new link' }).click();
  await expect(page.getByRole('heading', { name: 'Your requests' })).toBeVisible();

  // Signing out ends the portal session; the portal asks to sign in again.
  await page.getByRole('button', { name: 'Your profile menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/portal\/sign-in/);
  await page.goto('/portal');
  await expect(page.getByLabel('Work e-mail')).toBeVisible();

  await admin.context().close();
});

test('a tampered sign-in link shows a friendly message and a way to ask for a new one', async ({ page }) => {
  await page.goto('/portal/sign-in?token=not-a-real-token-at-all');
  await expect(page.getByRole('heading', { name: 'This sign-in link has expired' })).toBeVisible();
  await page.getByRole('button', { name: 'E-mail me a new link' }).click();
  await expect(page).not.toHaveURL(/token=/);
  await expect(page.getByRole('button', { name: 'E-mail me a sign-in link' })).toBeVisible();
});
