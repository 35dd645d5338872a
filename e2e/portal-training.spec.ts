import { expect, test } from '@playwright/test';
import { apiCreate, apiGet, signIn, smtpSinkPort, startSmtpSink, unique } from './helpers.js';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;

test.beforeAll(async () => {
  sink = await startSmtpSink(smtpSinkPort(test.info().project.name));
});

test.afterAll(async () => {
  await sink.close();
});

test('an attendee sees their training in the portal, rates a delivered session and the team sees the rating', async ({ page, browser }) => {
  test.setTimeout(120_000);
  // The team schedules a session for a new contact of a demo account, then delivers it.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin);
  const me = await apiGet<{ member: { id: string; name: string }; csrfToken: string }>(admin, '/api/auth/session');
  const accounts = await apiGet<{ items: { id: string; name: string }[] }>(admin, '/api/accounts?limit=5');
  const account = accounts.items[0]!;
  const stamp = Date.now().toString(36);
  const contact = await apiCreate<{ id: string; email: string; name: string }>(admin, `/api/accounts/${account.id}/contacts`, {
    name: `Tara Training ${stamp}`,
    email: `tara.training.${stamp}@customer-e2e.test`,
    customerRole: 'end_user',
  });
  const topic = unique('Reporting dashboards for end users');
  const session = await apiCreate<{ id: string; status: string }>(admin, `/api/accounts/${account.id}/training-sessions`, {
    topic,
    audience: 'end_users',
    scheduledAt: new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString(),
    durationMinutes: 90,
    trainerId: me.member.id,
    contactIds: [contact.id],
    materials: [{ title: 'Dashboards handbook', url: 'https://docs.example.com/dashboards' }],
    notes: 'Internal: keep the advanced filters for a second session',
  });
  const delivered = await admin.request.patch(`/api/training-sessions/${session.id}`, {
    data: { status: 'delivered' },
    headers: { 'x-csrf-token': me.csrfToken },
  });
  expect(delivered.status(), await delivered.text()).toBe(200);

  // The contact signs in with an e-mailed link.
  await page.goto('/portal/sign-in');
  const askedAt = Date.now();
  await page.getByLabel('Work e-mail').fill(contact.email);
  await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
  const mail = await sink.waitForMail(
    (m) => m.to.includes(contact.email.toLowerCase()) && /sign-in link/i.test(m.subject) && m.receivedAt >= askedAt,
  );
  const link = /(https?:\/\/\S+\/portal\/sign-in\?token=[\w%-]+)/.exec(mail.text)?.[1];
  expect(link, mail.text).toBeTruthy();
  await page.goto(link!);
  await expect(page.getByRole('heading', { name: 'Your requests' })).toBeVisible();

  // Training: the session with its details, none of the team's notes.
  await page.getByRole('link', { name: 'Training' }).first().click();
  await expect(page.getByRole('heading', { name: 'Training' })).toBeVisible();
  const card = page.getByRole('region', { name: topic });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Delivered');
  await expect(card).toContainText(`Trainer: ${me.member.name}`);
  await expect(card).toContainText('For end users');
  await expect(card).toContainText('1 h 30 min');
  await expect(card.getByRole('link', { name: 'Dashboards handbook' })).toHaveAttribute('href', 'https://docs.example.com/dashboards');
  await expect(page.getByText('advanced filters')).toHaveCount(0);

  // Rating it: four stars and a comment.
  const form = card.getByRole('form', { name: `Feedback on ${topic}` });
  await form.getByRole('button', { name: 'Send feedback' }).click();
  await expect(form.getByText('Choose from 1 to 5 stars')).toBeVisible();
  // The stars are radio inputs under their labels; Space on one picks it (Enter would submit the form).
  await form.getByRole('radio', { name: '4 of 5' }).press('Space');
  await form.getByLabel('Comment').fill('Clear examples, more time on filters please');
  await form.getByRole('button', { name: 'Send feedback' }).click();
  const mine = card.getByRole('region', { name: 'Your feedback' });
  await expect(mine).toContainText('4 of 5');
  await expect(mine).toContainText('“Clear examples, more time on filters please”');
  await expect(mine.getByRole('button', { name: 'Change your feedback' })).toBeVisible();

  // It stays after a reload, and the contact can change their comment.
  await page.reload();
  await expect(mine).toContainText('4 of 5');
  await mine.getByRole('button', { name: 'Change your feedback' }).click();
  await expect(form.getByLabel('Comment')).toHaveValue('Clear examples, more time on filters please');
  await form.getByLabel('Comment').fill('Clear examples; more time on filters next time');
  await form.getByRole('button', { name: 'Save feedback' }).click();
  await expect(mine).toContainText('“Clear examples; more time on filters next time”');
  await expect(mine).toContainText('4 of 5');

  // The team sees the rating on the account's training card.
  await admin.goto(`/accounts/${account.id}`);
  const training = admin.getByRole('region', { name: 'Training sessions' }).getByRole('article', { name: `Training: ${topic}` });
  await expect(training).toContainText('4.0 average from 1 of 1 attendee');
  await expect(training).toContainText('“Clear examples; more time on filters next time”');
  await adminContext.close();
});
