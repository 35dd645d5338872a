import { expect, test } from '@playwright/test';
import { apiCreate, apiGet, signIn, smtpSinkPort, startSmtpSink, unique } from './helpers.js';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;

test.beforeAll(async () => {
  sink = await startSmtpSink(smtpSinkPort(test.info().project.name));
});

test.afterAll(async () => {
  await sink.close();
});

interface Engagement {
  id: string;
  phases: { id: string; name: string }[];
  tasks: { id: string; title: string }[];
}

test('a customer sees the project plan shared with them and marks their own task done', async ({ page, browser }) => {
  test.setTimeout(120_000);
  // The team sets up an onboarding for a demo account, with two tasks for a new customer contact.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin);
  const accounts = await apiGet<{ items: { id: string; name: string }[] }>(admin, '/api/accounts?limit=5');
  const account = accounts.items[0]!;
  const stamp = Date.now().toString(36);
  const contact = await apiCreate<{ id: string; email: string; name: string }>(admin, `/api/accounts/${account.id}/contacts`, {
    name: `Pat Projects ${stamp}`,
    email: `pat.projects.${stamp}@customer-e2e.test`,
    customerRole: 'champion',
  });
  const templates = await apiGet<{ items: { id: string; name: string }[] }>(admin, '/api/engagement-templates');
  const onboarding = templates.items.find((t) => t.name === 'Onboarding (SMB)')!;
  const name = unique('Portal onboarding');
  const today = new Date().toISOString().slice(0, 10);
  const engagement = await apiCreate<Engagement>(admin, '/api/engagements', {
    accountId: account.id,
    kind: 'onboarding',
    name,
    status: 'active',
    templateId: onboarding.id,
    startDate: today,
    budgetHours: 20,
  });
  const welcome = engagement.tasks.find((t) => t.title === 'Welcome call')!;
  const base = {
    phaseId: engagement.phases[0]!.id,
    customerVisible: true,
    owner: { type: 'contact', id: contact.id },
    startDate: today,
    dueDate: today,
  };
  await apiCreate(admin, `/api/engagements/${engagement.id}/tasks`, { ...base, title: 'Upload your logo for the portal' });
  await apiCreate(admin, `/api/engagements/${engagement.id}/tasks`, { ...base, title: 'Confirm the admin list', dependsOn: [welcome.id] });
  await apiCreate(admin, `/api/engagements/${engagement.id}/tasks`, {
    phaseId: engagement.phases[0]!.id,
    title: 'Internal: check the licence count',
    startDate: today,
    dueDate: today,
  });

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

  // Projects: the plan by phase with only the shared tasks.
  await page.getByRole('link', { name: 'Projects' }).first().click();
  await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible();
  const card = page.getByRole('region', { name });
  await expect(card).toBeVisible();
  await expect(card.getByText('Welcome', { exact: true })).toBeVisible();
  await expect(card.getByRole('row', { name: 'Welcome call' })).toBeVisible();
  await expect(card.getByText('Internal: check the licence count')).toHaveCount(0);
  await expect(card.getByText('2 tasks are waiting for you.')).toBeVisible();
  await expect(card.getByRole('row', { name: 'Confirm the admin list' })).toContainText('Waiting on an earlier step');

  // Marking their own task done.
  const logo = card.getByRole('row', { name: 'Upload your logo for the portal' });
  await expect(logo).toContainText('You');
  await logo.getByRole('button', { name: 'Mark done' }).click();
  await expect(logo.getByText('Done', { exact: true })).toBeVisible();
  await expect(card.getByText('One task is waiting for you.')).toBeVisible();

  // The team sees it done on the engagement.
  const after = await apiGet<{ tasks: { title: string; status: string }[] }>(admin, `/api/engagements/${engagement.id}`);
  expect(after.tasks.find((t) => t.title === 'Upload your logo for the portal')!.status).toBe('done');
  await adminContext.close();
});
