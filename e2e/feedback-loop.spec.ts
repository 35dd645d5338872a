import { expect, test, type Browser, type Page } from '@playwright/test';
import { apiCreate, signIn, smtpSinkPort, startSmtpSink, unique } from './helpers.js';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;

test.beforeAll(async () => {
  sink = await startSmtpSink(smtpSinkPort(test.info().project.name));
});

test.afterAll(async () => {
  await sink.close();
});

const MOBILE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const PASSWORD = 'a long enough password';

/** PUTs or PATCHes as the signed-in member (with the session's CSRF token) and expects a 200. */
async function apiSend(page: Page, method: 'PUT' | 'PATCH', path: string, body: unknown): Promise<void> {
  const session = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const response = await page.request.fetch(path, { method, data: body, headers: { 'x-csrf-token': session.csrfToken } });
  expect(response.status(), await response.text()).toBe(200);
}

async function newPage(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}

/** A fresh account with two contacts and a technical account manager who can sign in; two contacts' feedback on one public request. */
async function setUp(admin: Page) {
  const tag = Date.now().toString(36);
  const account = await apiCreate<{ id: string; name: string }>(admin, '/api/accounts', {
    name: unique('Loop Industries'),
    domains: [`loop-${tag}.test`],
    segment: 'enterprise',
    arr: 240_000,
  });
  const contacts = [];
  for (const name of ['Nora Quinn', 'Omar Pike']) {
    contacts.push(
      await apiCreate<{ id: string; name: string; email: string }>(admin, `/api/accounts/${account.id}/contacts`, {
        name,
        email: `${name.split(' ')[0]!.toLowerCase()}-${tag}@loop-${tag}.test`,
      }),
    );
  }
  const tamEmail = `tam-${tag}@team.test`;
  const tam = await apiCreate<{ member: { id: string } }>(admin, '/api/members', {
    email: tamEmail,
    name: `Tara Manager ${tag}`,
    roles: ['technical_account_manager'],
    password: PASSWORD,
  });
  await apiSend(admin, 'PUT', `/api/accounts/${account.id}/team`, {
    slots: [{ role: 'technical_account_manager', memberId: tam.member.id }],
  });
  const title = unique('Scheduled exports to S3');
  const request = await apiCreate<{ id: string }>(admin, '/api/feature-requests', {
    title,
    description: 'Export reports to a bucket on a schedule.',
    status: 'in_progress',
    visibility: 'public',
    targetRelease: '7.2',
  });
  // Nora asked twice (she is still told once); Omar once.
  for (const [contact, impact] of [
    [contacts[0]!, 'blocker'],
    [contacts[0]!, 'nice_to_have'],
    [contacts[1]!, 'important'],
  ] as const) {
    await apiCreate(admin, '/api/feedback-items', {
      accountId: account.id,
      contactId: contact.id,
      title: 'Scheduled exports',
      quote: `${contact.name}: we export by hand every Monday`,
      impact,
      requestId: request.id,
    });
  }
  return { account, contacts, tamEmail, title, request };
}

test('shipping a request tells each linked contact once by e-mail and in the portal, and the account team in the bell', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await newPage(browser, DESKTOP);
  await signIn(admin);
  const { contacts, tamEmail, title, request } = await setUp(admin);

  const shippedAt = Date.now();
  await apiSend(admin, 'PATCH', `/api/feature-requests/${request.id}`, { status: 'shipped' });

  // Each contact's mail arrives, pointing at the portal's product updates.
  const subject = `Shipped: ${title}`;
  for (const contact of contacts) {
    const mail = await sink.waitForMail(
      (m) => m.to.includes(contact.email.toLowerCase()) && m.subject === subject && m.receivedAt >= shippedAt,
    );
    expect(mail.text).toContain('shipped in release 7.2');
    expect(mail.text).toMatch(/https?:\/\/\S+\/portal\/updates/);
  }
  const tamMail = await sink.waitForMail((m) => m.to.includes(tamEmail) && m.subject === subject);
  expect(tamMail.text).toContain('2 contacts told');
  // Shipping again (a second PATCH) tells nobody twice; the next outbox pass would have sent it by now.
  await apiSend(admin, 'PATCH', `/api/feature-requests/${request.id}`, { status: 'shipped' });
  await new Promise((resolve) => setTimeout(resolve, 12_000));
  for (const contact of contacts) {
    expect(sink.mails.filter((m) => m.to.includes(contact.email.toLowerCase()) && m.subject === subject)).toHaveLength(1);
  }

  // The account team member sees it in the bell; opening it goes to the request and marks it read.
  const tam = await newPage(browser, DESKTOP);
  await signIn(tam, tamEmail, PASSWORD);
  const bell = tam.getByRole('button', { name: 'Notifications, 1 unread' });
  await expect(bell).toBeVisible();
  await bell.click();
  await tam.getByRole('button', { name: `Unread: ${subject}` }).click();
  await expect(tam).toHaveURL(new RegExp(`/feedback/requests/${request.id}`));
  await expect(tam.getByRole('button', { name: 'Notifications', exact: true })).toBeVisible();

  // The roadmap lists it as shipped in its release, on a phone too.
  await tam.setViewportSize(MOBILE);
  await tam.goto('/roadmap');
  const release = tam.getByRole('region', { name: 'Release 7.2' });
  await expect(release.getByRole('article', { name: title })).toContainText('Shipped');

  // The first contact signs in to the portal on a phone and finds the notice and the public roadmap.
  const contact = contacts[0]!;
  const portal = await newPage(browser, MOBILE);
  await portal.goto('/portal/sign-in');
  const askedAt = Date.now();
  await portal.getByLabel('Work e-mail').fill(contact.email);
  await portal.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
  const linkMail = await sink.waitForMail(
    (m) => m.to.includes(contact.email.toLowerCase()) && /sign-in link/i.test(m.subject) && m.receivedAt >= askedAt,
  );
  await portal.goto(/(https?:\/\/\S+\/portal\/sign-in\?token=[\w%-]+)/.exec(linkMail.text)![1]!);
  await expect(portal.getByRole('heading', { name: 'Your requests' })).toBeVisible();
  await portal.goto('/portal/updates');
  const notice = portal.getByRole('region', { name: 'Your updates' }).getByRole('article', { name: subject });
  await expect(notice).toContainText('New');
  await expect(notice).toContainText('Release 7.2');
  const roadmapCard = portal.getByRole('region', { name: 'Roadmap' }).getByRole('article', { name: title });
  await expect(roadmapCard).toContainText('Shipped');
  await expect(roadmapCard).toContainText('Your team asked for this');
  await notice.getByRole('button', { name: 'Mark read' }).click();
  await expect(notice).not.toContainText('New');

  // At desktop width the portal's navigation leads there too; the contact switches updates off.
  await portal.setViewportSize(DESKTOP);
  await portal.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Product updates' }).click();
  const updates = portal.getByRole('switch', { name: 'Receive product updates' });
  await expect(updates).toBeChecked();
  await updates.click({ force: true });
  await expect(updates).not.toBeChecked();
  await portal.reload();
  await expect(portal.getByRole('switch', { name: 'Receive product updates' })).not.toBeChecked();

  for (const page of [admin, tam, portal]) await page.context().close();
});
