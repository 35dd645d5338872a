import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { apiCreate, createTicketViaApi, signIn, smtpSinkPort, startSmtpSink, unique } from './helpers.js';

/**
 * Issue 15, business reviews: an admin generates a review for an account from live data, edits the
 * executive summary, exports the PDF (the test opens it and finds the account name and a chart),
 * and sends it to a contact; the contact signs in to the portal and finds it under "Our plan and
 * reviews", and the account's timeline shows the business review — on a desktop and a phone.
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

/** The text of every page of a PDF and how many vector paths it draws. */
async function readPdf(data: Buffer): Promise<{ text: string; paths: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // The standard fonts' metrics, so text set in Helvetica is read without warnings.
  const standardFontDataUrl = `${resolve('node_modules/pdfjs-dist/standard_fonts')}/`;
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), standardFontDataUrl, disableFontFace: true }).promise;
  let text = '';
  let paths = 0;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    text += (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ') + '\n';
    paths += (await page.getOperatorList()).fnArray.filter((fn) => fn === pdfjs.OPS.constructPath).length;
  }
  return { text, paths };
}

for (const viewport of VIEWPORTS) {
  test(`an admin generates, edits, exports and sends a business review the contact reads in the portal (${viewport.name})`, async ({
    page,
    browser,
  }) => {
    test.setTimeout(150_000);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await signIn(page);
    const stamp = Date.now().toString(36);
    const domain = `qbr-${stamp}-${viewport.name}.test`;
    const account = await apiCreate<{ id: string; name: string }>(page, '/api/accounts', {
      name: unique(`Review Co ${viewport.name}`),
      segment: 'enterprise',
      domains: [domain],
    });
    const contact = await apiCreate<{ id: string; name: string; email: string }>(page, `/api/accounts/${account.id}/contacts`, {
      name: `Robin Review ${stamp}`,
      email: `robin.${stamp}@${domain}`,
    });
    await createTicketViaApi(page, {
      subject: 'Export times out',
      description: 'Large exports fail.',
      requesterEmail: contact.email,
      priority: 'high',
      tags: ['export'],
    });
    await createTicketViaApi(page, {
      subject: 'Sign-in loop',
      description: 'SSO loops back.',
      requesterEmail: contact.email,
      priority: 'urgent',
    });

    // Generate from the account page.
    await page.goto(`/accounts/${account.id}`);
    const card = page.getByRole('region', { name: 'Business reviews' });
    await card.getByRole('button', { name: 'Generate review' }).click();
    const modal = page.getByRole('dialog', { name: 'Generate a business review' });
    await modal.getByLabel('Title').fill('Quarterly business review');
    await modal.getByRole('button', { name: 'Generate' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Quarterly business review' })).toBeVisible();
    await expect(page.getByText('Draft', { exact: true })).toBeVisible();
    await expect(page.getByText('Tickets by priority', { exact: true })).toBeVisible();
    await expectNoHorizontalOverflow(page);

    // Edit the executive summary.
    const summary = page.getByRole('region', { name: 'Executive summary' });
    await summary.getByRole('button', { name: 'Edit Executive summary' }).click();
    await summary.getByLabel('Executive summary (Markdown)').fill('A **strong** quarter for the exports team.\n\n- Fewer urgent tickets');
    await summary.getByRole('button', { name: 'Save' }).click();
    await expect(summary.getByText('Fewer urgent tickets')).toBeVisible();

    // Export: the PDF carries the account name, the edited summary and a chart with its caption.
    const href = await page.getByRole('link', { name: 'Export PDF' }).getAttribute('href');
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const pdf = await readPdf(await response.body());
    expect(pdf.text).toContain(account.name);
    expect(pdf.text).toContain('Tickets by priority');
    expect(pdf.text).toContain('Fewer urgent tickets');
    expect(pdf.paths).toBeGreaterThan(3);

    // Send it to the contact.
    await page.getByRole('button', { name: 'Send to customer' }).click();
    const send = page.getByRole('dialog', { name: 'Send to customer' });
    await send.getByRole('checkbox', { name: new RegExp(contact.name) }).check();
    const sentAt = Date.now();
    await send.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByText('Sent', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Edit Executive summary' })).toHaveCount(0);
    await expectNoHorizontalOverflow(page);

    // The timeline shows the business review.
    await page.goto(`/accounts/${account.id}`);
    await expect(page.getByRole('region', { name: 'Interactions' })).toContainText('Business review sent: Quarterly business review');
    await expect(card).toContainText('Sent');

    // The contact is told by e-mail, signs in to the portal and finds it.
    const told = await sink.waitForMail(
      (m) => m.to.includes(contact.email.toLowerCase()) && /business review/i.test(m.subject) && m.receivedAt >= sentAt,
    );
    expect(told.text).toContain('/portal/success');
    const customerContext = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
    const customer = await customerContext.newPage();
    await customer.goto('/portal/sign-in');
    const askedAt = Date.now();
    await customer.getByLabel('Work e-mail').fill(contact.email);
    await customer.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
    const mail = await sink.waitForMail(
      (m) => m.to.includes(contact.email.toLowerCase()) && /sign-in link/i.test(m.subject) && m.receivedAt >= askedAt,
    );
    const link = /(https?:\/\/\S+\/portal\/sign-in\?token=[\w%-]+)/.exec(mail.text)?.[1];
    await customer.goto(link!);
    await expect(customer.getByRole('heading', { name: 'Your requests' })).toBeVisible();
    await customer.goto('/portal/success');
    const reviews = customer.getByRole('region', { name: 'Business reviews' });
    await expect(reviews).toContainText('Quarterly business review');
    const download = reviews.getByRole('link', { name: /Download PDF/ });
    await expect(download).toBeVisible();
    const portalPdf = await customer.request.get((await download.getAttribute('href'))!);
    expect(portalPdf.headers()['content-type']).toBe('application/pdf');
    await expectNoHorizontalOverflow(customer);
    await customerContext.close();
  });
}
