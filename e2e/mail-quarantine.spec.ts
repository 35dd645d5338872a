import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiCreate, signIn, unique } from './helpers.js';

/** An out-of-office reply as a relay would hand it in: it is ignored, and kept in the quarantine. */
function autoReply(subject: string, body: string): string {
  return [
    'From: Milton Waddams <milton@initech.com>',
    'To: support@outpost.local',
    `Subject: ${subject}`,
    `Message-ID: <ooo-${Date.now()}-${Math.random().toString(36).slice(2)}@initech.com>`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
}

async function handIn(request: APIRequestContext, token: string, raw: string): Promise<void> {
  const response = await request.post('/api/inbound/email', {
    headers: { authorization: `Bearer ${token}`, 'content-type': 'message/rfc822' },
    data: raw,
  });
  expect(response.status(), await response.text()).toBe(200);
  expect((await response.json()).outcome).toBe('ignored');
}

async function openQuarantine(page: Page, width: number): Promise<void> {
  if (width >= 1000)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mail quarantine', exact: true }).click();
  else await page.goto('/admin/mail-quarantine');
  await expect(page.getByRole('heading', { name: 'Mail quarantine', level: 2 })).toBeVisible();
}

for (const width of [1440, 390]) {
  test(`an admin views an auto-reply raw, releases it as a ticket and deletes another, at ${width} px`, async ({ page, request }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width, height: width >= 1000 ? 900 : 844 });
    await signIn(page);
    const { token } = await apiCreate<{ token: string }>(page, '/api/tokens', { name: unique('Relay'), scopes: ['email.ingest'] });

    const kept = unique('Out of office');
    const body = `I am away until Monday ${kept.slice(-5)}.`;
    const dropped = unique('Automatic reply');
    await handIn(request, token, autoReply(kept, body));
    await handIn(request, token, autoReply(dropped, 'Away.'));

    await openQuarantine(page, width);
    const item = page.getByTestId('quarantine-item').filter({ hasText: kept });
    await expect(item.getByText('Ignored')).toBeVisible();
    await item.getByRole('button', { name: 'View' }).click();
    const drawer = page.getByRole('dialog', { name: kept });
    await expect(drawer.getByTestId('raw-mail')).toContainText('Auto-Submitted: auto-replied');
    await expect(drawer.getByTestId('raw-mail')).toContainText(body);

    await drawer.getByRole('button', { name: 'Release as ticket' }).click();
    const ticketLink = drawer.getByRole('link', { name: /^ticket #\d+$/ });
    await expect(ticketLink).toBeVisible();
    await ticketLink.click();
    await expect(page).toHaveURL(/\/tickets\/[\w-]+$/);
    await expect(page.getByRole('heading', { name: kept, level: 2 })).toBeVisible();
    await expect(page.getByText(body).first()).toBeVisible();

    await openQuarantine(page, 0);
    await expect(
      page
        .getByTestId('quarantine-item')
        .filter({ hasText: kept })
        .getByRole('link', { name: /^Ticket #\d+$/ }),
    ).toBeVisible();
    const other = page.getByTestId('quarantine-item').filter({ hasText: dropped });
    await other.getByRole('button', { name: 'View' }).click();
    await page.getByRole('dialog', { name: dropped }).getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this mail?' });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByTestId('quarantine-item').filter({ hasText: dropped })).toHaveCount(0);
    // Nothing on the page is wider than the screen.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
  });
}
