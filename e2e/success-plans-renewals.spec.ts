import { expect, test, type Page } from '@playwright/test';
import { apiCreate, pick, signIn, smtpSinkPort, startSmtpSink } from './helpers.js';

/**
 * Issue 15, success plans and renewals: an admin (an account owner) writes a success plan with an
 * objective and shares it with the customer; the customer's contact signs in to the portal and sees
 * it under "Our plan"; the admin sets the renewal forecast and finds the account on the renewals
 * board — on a desktop (1440 px) and a phone (390 px).
 */

const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

let sink: Awaited<ReturnType<typeof startSmtpSink>>;

test.beforeAll(async () => {
  sink = await startSmtpSink(smtpSinkPort(test.info().project.name));
});

test.afterAll(async () => {
  await sink.close();
});

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate<number>(`(() => {
    const doc = document.documentElement;
    const main = document.querySelector('main');
    return Math.max(doc.scrollWidth - doc.clientWidth, main ? main.scrollWidth - main.clientWidth : 0);
  })()`);
  expect(overflow).toBeLessThanOrEqual(1);
}

for (const viewport of VIEWPORTS) {
  test(`a shared success plan reaches the portal and the renewal forecast reaches the board (${viewport.name})`, async ({
    page,
    browser,
  }) => {
    test.setTimeout(100_000);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await signIn(page);
    const stamp = `${viewport.name}-${Date.now().toString(36)}`;
    const renewalDate = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    const account = await apiCreate<{ id: string; name: string }>(page, '/api/accounts', {
      name: `Planwise ${stamp}`,
      domains: [`planwise-${stamp}.test`],
      segment: 'enterprise',
      arr: 180000,
      renewalDate,
    });
    const contact = await apiCreate<{ email: string }>(page, `/api/accounts/${account.id}/contacts`, {
      name: `Casey ${stamp}`,
      email: `casey@planwise-${stamp}.test`,
    });

    // The plan, written on the account page.
    await page.goto(`/accounts/${account.id}`);
    const plans = page.getByRole('region', { name: 'Success plans', exact: true });
    await expect(plans.getByText('No success plan yet', { exact: false })).toBeVisible();
    await plans.getByRole('button', { name: 'New plan' }).click();
    const dialog = page.getByRole('dialog', { name: 'New success plan' });
    const title = `Faster onboarding ${stamp}`;
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByLabel('Desired outcomes').fill('New hires productive in their first week');
    await dialog.getByRole('switch', { name: 'Visible to the customer' }).check();
    await dialog.getByRole('button', { name: 'Add objective' }).click();
    await dialog.getByLabel(/^Objective 1( \*)?$/).fill('Days to first value');
    await dialog.getByLabel('Baseline').fill('30');
    await dialog.getByLabel('Target').fill('10');
    await dialog.getByLabel('Current').fill('20');
    await dialog.getByLabel('Unit').fill('days');
    await dialog.getByRole('button', { name: 'Create plan' }).click();
    await expect(dialog).toBeHidden();
    const plan = plans.getByRole('article', { name: title });
    await expect(plan).toBeVisible();
    await expect(plan.getByText('Customer visible')).toBeVisible();
    await expect(plan.getByText('On track')).toBeVisible();
    await expect(plan.getByText('30 days → 10 days, now 20 days')).toBeVisible();
    await expect(plan.getByLabel('Days to first value progress 50%')).toBeVisible();
    await expectNoHorizontalOverflow(page);

    // The renewal forecast, on the same page.
    const renewal = page.getByRole('region', { name: 'Renewal', exact: true });
    await expect(renewal.getByText('$180,000')).toBeVisible();
    await pick(renewal, 'Forecast', 'Commit');
    await renewal.getByLabel('Forecast note').fill('Order form with procurement');
    await renewal.getByRole('button', { name: 'Save forecast' }).click();
    await expect(renewal.getByText(/Forecast by .* ago|Forecast by .* seconds/)).toBeVisible();
    await expect(renewal.getByText('Low risk')).toBeVisible();

    // The board, filtered to committed renewals.
    await page.goto('/success/renewals?forecast=commit');
    await expect(page.getByRole('heading', { name: 'Renewals' })).toBeVisible();
    const card = page.getByRole('article', { name: account.name });
    await expect(card).toBeVisible();
    await expect(card.getByText('Commit')).toBeVisible();
    await expect(card.getByText('$180,000')).toBeVisible();
    await expect(card.getByText('Low risk')).toBeVisible();
    await expect(page.locator('input:visible').and(page.getByLabel('Forecast', { exact: true }))).toHaveValue('Commit');
    await expectNoHorizontalOverflow(page);
    await card.getByRole('link', { name: account.name }).click();
    await expect(page).toHaveURL(new RegExp(`/accounts/${account.id}$`));

    // The customer's contact signs in to the portal and sees the shared plan.
    const portalContext = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
    const portal = await portalContext.newPage();
    await portal.goto('/portal/sign-in');
    const askedAt = Date.now();
    await portal.getByLabel('Work e-mail').fill(contact.email);
    await portal.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
    const mail = await sink.waitForMail(
      (m) => m.to.includes(contact.email.toLowerCase()) && /sign-in link/i.test(m.subject) && m.receivedAt >= askedAt,
    );
    const link = /(https?:\/\/\S+\/portal\/sign-in\?token=[\w%-]+)/.exec(mail.text)?.[1];
    expect(link, mail.text).toBeTruthy();
    await portal.goto(link!);
    await expect(portal.getByRole('heading', { name: 'Your requests' })).toBeVisible();
    await portal.goto('/portal/success');
    await expect(portal.getByRole('heading', { name: 'Our plan and reviews' })).toBeVisible();
    const shared = portal.getByRole('region', { name: 'Success plan', exact: true });
    const sharedPlan = shared.getByRole('article', { name: title });
    await expect(sharedPlan).toBeVisible();
    await expect(sharedPlan.getByText('New hires productive in their first week')).toBeVisible();
    await expect(sharedPlan.getByText('Days to first value')).toBeVisible();
    await expect(sharedPlan.getByText('30 days → 10 days, now 20 days')).toBeVisible();
    await expectNoHorizontalOverflow(portal);
    await portalContext.close();
  });
}
