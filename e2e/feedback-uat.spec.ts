import { expect, test, type Page } from '@playwright/test';
import { apiCreate, apiGet, pick, signIn, smtpSinkPort, startSmtpSink, unique } from './helpers.js';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;

test.beforeAll(async () => {
  sink = await startSmtpSink(smtpSinkPort(test.info().project.name));
});

test.afterAll(async () => {
  await sink.close();
});

/** Nothing on the page is wider than the viewport (a phone never scrolls sideways). */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  expect(overflow).toBeLessThanOrEqual(1);
}

test('an agent runs a UAT round: the customer records pass and fail in the portal, a failure becomes an engineering issue, the customer signs off', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  // The team: a request being built, for a demo account with a new contact who will test it.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin);
  const accounts = await apiGet<{ items: { id: string; name: string }[] }>(admin, '/api/accounts?limit=5&sort=name');
  const account = accounts.items[0]!;
  const stamp = Date.now().toString(36);
  const contact = await apiCreate<{ id: string; email: string; name: string }>(admin, `/api/accounts/${account.id}/contacts`, {
    name: `Uma Tester ${stamp}`,
    email: `uma.tester.${stamp}@customer-e2e.test`,
  });
  const requestTitle = unique('Scheduled usage exports');
  const request = await apiCreate<{ id: string }>(admin, '/api/feature-requests', { title: requestTitle, status: 'in_progress' });

  // The agent starts a round on the request's page: two cases, the contact invited.
  await admin.goto(`/feedback/requests/${request.id}`);
  const section = admin.getByRole('region', { name: 'Acceptance testing' });
  await expect(section.getByText('No UAT rounds yet')).toBeVisible();
  await section.getByRole('button', { name: 'Start a UAT round' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Start a UAT round' });
  const roundTitle = unique('Usage exports, round 1');
  await dialog.getByLabel('Title').fill(roundTitle);
  await pick(dialog, 'Account', account.name);
  await pick(dialog, 'Invite contacts', `${contact.name} (${contact.email})`);
  const first = dialog.getByRole('group', { name: 'Case 1' });
  await first.getByLabel('Case').fill('Export a month of usage');
  await first.getByLabel('Steps').fill('1. Open Reports\n2. Export March as CSV');
  await first.getByLabel('Expected result').fill('A CSV with 31 rows');
  await dialog.getByRole('button', { name: 'Another case' }).click();
  const second = dialog.getByRole('group', { name: 'Case 2' });
  await second.getByLabel('Case').fill('Schedule the export weekly');
  await second.getByLabel('Steps').fill('Schedule the March export every Monday');
  await second.getByLabel('Expected result').fill('It arrives on Monday at 08:00');
  const invitedAt = Date.now();
  await dialog.getByRole('button', { name: 'Start round' }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByRole('button', { name: `Round: ${roundTitle}` })).toContainText('Testing');
  await expect(section.getByRole('list', { name: 'Test cases' }).getByRole('listitem')).toHaveCount(2);
  await expect(section).toContainText(`${contact.name} · 0/2`);

  // The invitation arrives by e-mail with a link to the round in the portal.
  const invitation = await sink.waitForMail(
    (m) => m.to.includes(contact.email.toLowerCase()) && m.subject === `Acceptance test: ${roundTitle}` && m.receivedAt >= invitedAt,
  );
  const roundLink = /(https?:\/\/\S+\/portal\/acceptance\/[\w-]+)/.exec(invitation.text)?.[1];
  expect(roundLink, invitation.text).toBeTruthy();

  // The contact signs in with an e-mailed link and finds the invitation in the portal.
  await page.goto('/portal/sign-in');
  const askedAt = Date.now();
  await page.getByLabel('Work e-mail').fill(contact.email);
  await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
  const mail = await sink.waitForMail(
    (m) => m.to.includes(contact.email.toLowerCase()) && /sign-in link/i.test(m.subject) && m.receivedAt >= askedAt,
  );
  await page.goto(/(https?:\/\/\S+\/portal\/sign-in\?token=[\w%-]+)/.exec(mail.text)![1]!);
  await expect(page.getByRole('heading', { name: 'Your requests' })).toBeVisible();
  await page.getByRole('link', { name: 'Acceptance', exact: true }).first().click();
  await expect(page.getByRole('heading', { name: 'Acceptance testing' })).toBeVisible();
  const invite = page.getByRole('list', { name: 'Acceptance tests' }).getByRole('link', { name: roundTitle });
  await expect(invite).toContainText('you have tested 0 of 2 cases');
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: test.info().outputPath('portal-list-1440.png') });
  await invite.click();
  await expect(page).toHaveURL(new RegExp(`${new URL(roundLink!).pathname}$`));

  // Case 1 fails (a comment is required), case 2 passes; sign-off is not offered yet.
  const case1 = page.getByRole('region', { name: '1. Export a month of usage' });
  await case1.getByRole('radio', { name: /^Fail/ }).check();
  await case1.getByRole('button', { name: 'Save result' }).click();
  await expect(case1.getByText('Say what happened instead, so the team can reproduce it')).toBeVisible();
  await case1.getByLabel('Comment').fill('The CSV has only 30 rows: 31 March is missing');
  await case1.getByRole('button', { name: 'Save result' }).click();
  await expect(case1).toContainText('You: Fail');
  const case2 = page.getByRole('region', { name: '2. Schedule the export weekly' });
  await case2.getByRole('radio', { name: /^Pass/ }).check();
  await case2.getByRole('button', { name: 'Save result' }).click();
  await expect(case2).toContainText('You: Pass');
  await expect(page.getByText('The test can be signed off once every case passes')).toContainText('Export a month of usage');
  await expect(page.getByRole('region', { name: 'Sign off' })).toHaveCount(0);

  // The agent sees the results and turns the failure into an engineering issue in one click.
  await admin.reload();
  await expect(section).toContainText('1 passed, 1 failing, 0 untested');
  await expect(section.getByRole('table', { name: 'Results' })).toBeVisible();
  const failure = section.getByRole('article', { name: `Failure: Export a month of usage — ${contact.name}` });
  await expect(failure).toContainText('31 March is missing');
  await failure.getByRole('button', { name: 'Create engineering issue' }).click();
  await expect(failure.getByText(/^ENG-\d+ · open$/)).toBeVisible();
  await expect(failure.getByRole('button', { name: 'Create engineering issue' })).toHaveCount(0);

  // After the fix the contact re-tests case 1 as a pass and signs off with their name — on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await case1.getByRole('button', { name: 'Test again' }).click();
  await case1.getByRole('radio', { name: /^Pass/ }).check();
  await case1.getByLabel('Comment').fill('Fixed: 31 rows now');
  await case1.getByRole('button', { name: 'Save result' }).click();
  await expect(case1).toContainText('You: Pass');
  await expectNoSidewaysScroll(page);
  const signOff = page.getByRole('region', { name: 'Sign off' });
  await signOff.getByLabel('Your full name').fill(`Uma Tester ${stamp}`);
  await signOff.getByRole('button', { name: 'Sign off' }).click();
  await expect(page.getByRole('alert', { name: 'Signed off', exact: true })).toContainText(`Uma Tester ${stamp} accepted this on`);
  await expect(page.getByRole('radio')).toHaveCount(0);
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: test.info().outputPath('portal-round-390.png'), fullPage: true });
  // The invitation list on a phone (reached from the e-mail's link, or at /portal/acceptance).
  await page.goto('/portal/acceptance');
  await expect(page.getByRole('list', { name: 'Acceptance tests' }).getByRole('link', { name: roundTitle })).toContainText(
    `Signed off by Uma Tester ${stamp}`,
  );
  await expectNoSidewaysScroll(page);

  // The agent sees the sign-off, at 1440 px and at 390 px.
  await admin.reload();
  await expect(section.getByRole('button', { name: `Round: ${roundTitle}` })).toContainText('Signed off');
  await expect(section.getByRole('alert', { name: 'Signed off by the customer' })).toContainText(`Uma Tester ${stamp}`);
  await expect(section.getByRole('button', { name: 'Add case' })).toHaveCount(0);
  await admin.screenshot({ path: test.info().outputPath('agent-round-1440.png'), fullPage: true });
  await admin.setViewportSize({ width: 390, height: 844 });
  await expect(section.getByRole('button', { name: `Round: ${roundTitle}` })).toBeVisible();
  await admin.screenshot({ path: test.info().outputPath('agent-round-390.png'), fullPage: true });
  await adminContext.close();
});
