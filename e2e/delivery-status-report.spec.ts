import { expect, test } from '@playwright/test';
import { apiGet, pick, signIn, smtpSinkPort, startSmtpSink, unique } from './helpers.js';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;

test.beforeAll(async () => {
  sink = await startSmtpSink(smtpSinkPort(test.info().project.name));
});

test.afterAll(async () => {
  await sink.close();
});

interface EngagementSummary {
  id: string;
  name: string;
  account: { id: string; name: string };
}

const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('an engineer generates a status report for a period, edits a section and e-mails it to a chosen contact', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);
  const engagements = await apiGet<{ items: EngagementSummary[] }>(page, '/api/engagements?kind=implementation&status=active&limit=50');
  const engagement = engagements.items.find((e) => e.name.startsWith('Northwind')) ?? engagements.items[0];
  if (!engagement) throw new Error('The demo workspace has no active implementation');
  const contacts = await apiGet<{ items: { id: string; name: string; email: string }[] }>(
    page,
    `/api/accounts/${engagement.account.id}/contacts`,
  );
  const contact = contacts.items[0]!;

  await page.goto(`/engagements/${engagement.id}`);
  const card = page.getByRole('region', { name: 'Status reports' });
  await card.getByRole('button', { name: 'Generate report' }).click();

  const dialog = page.getByRole('dialog', { name: 'Generate a status report' });
  await dialog.getByLabel('Period start').fill(isoDay(-13));
  await dialog.getByLabel('Period end').fill(isoDay(0));
  await dialog.getByRole('button', { name: 'Generate draft' }).click();

  // The draft opens in the drawer with its sections written from the data.
  const drawer = page.getByRole('dialog', { name: 'Status report' });
  await expect(drawer.getByText('Draft', { exact: true })).toBeVisible();
  await expect(drawer.getByLabel('Budget')).toHaveValue(/Hours logged this period: .* h/);
  await expect(drawer.getByLabel('Summary')).toHaveValue(/tasks done/);

  const decision = unique('Approve the cut-over weekend');
  await drawer.getByLabel('Decisions needed').fill(`- ${decision} by Friday`);
  await drawer.getByRole('button', { name: 'Save draft' }).click();
  await expect(drawer.getByRole('button', { name: 'Save draft' })).toBeDisabled();

  const sentAt = Date.now();
  await pick(drawer, 'Recipients', `${contact.name} <${contact.email}>`);
  await page.keyboard.press('Escape');
  await drawer.getByRole('button', { name: 'Send', exact: true }).click();

  // Sent: read-only, with the recipient and the time.
  const recipients = drawer.getByRole('table', { name: 'Recipients' });
  await expect(recipients).toContainText(contact.name);
  await expect(recipients).toContainText(contact.email);
  await expect(drawer.getByText('Sent', { exact: true })).toBeVisible();
  await expect(drawer.getByLabel('Decisions needed')).toHaveCount(0);
  await expect(drawer.getByRole('region', { name: 'Report' })).toContainText(decision);

  // The customer receives it.
  const mail = await sink.waitForMail(
    (m) => m.to.includes(contact.email.toLowerCase()) && m.receivedAt >= sentAt && m.text.includes(decision),
  );
  expect(mail.subject).toContain('Status report:');
  expect(mail.subject).toContain(engagement.name);
  expect(mail.text).toContain(`Hello ${contact.name}`);
  expect(mail.text).toContain('## Decisions needed');

  await page.keyboard.press('Escape');
  await expect(card.getByRole('row').filter({ hasText: 'Sent' }).first()).toBeVisible();
});
