import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { signIn, unique } from './helpers.js';

// A receiver that accepts every delivery and remembers its signature header.
const received: { path: string; signature: string | undefined; body: string }[] = [];
let receiver: http.Server;
let receiverUrl: string;

test.beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ path: request.url ?? '', signature: request.headers['outpost-signature'] as string | undefined, body });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/outpost-hook`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

test('an admin adds a webhook, copies its secret once, sends a test and sees the delivery with the receiver’s answer', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
  await expect(page.getByRole('heading', { name: 'Webhooks', level: 2 })).toBeVisible();

  const name = unique('Ops alerts');
  await page.getByRole('button', { name: 'Add webhook' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a webhook' });
  await dialog.getByLabel(/^Name/).fill(name);
  await dialog.getByLabel(/^Payload URL/).fill('not a url');
  await dialog.getByRole('checkbox', { name: 'ticket.escalated' }).check();
  await dialog.getByRole('button', { name: 'Add webhook' }).click();
  await expect(dialog.getByText('Use a full http(s) URL')).toBeVisible();
  await dialog.getByLabel(/^Payload URL/).fill(receiverUrl);
  await expect(dialog.getByRole('checkbox', { name: 'webhook.ping' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Add webhook' }).click();

  // The signing secret, once.
  const secretDialog = page.getByRole('dialog', { name: `Webhook “${name}” added` });
  await expect(secretDialog.getByTestId('secret-value')).toHaveText(/\S{20,}/);
  await expect(secretDialog.getByText('This is the only time it is shown')).toBeVisible();
  await secretDialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('secret-value')).toHaveCount(0);

  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Active');
  await expect(row).toContainText('ticket.escalated');

  // A test event reaches the receiver, signed, and the log shows the attempt.
  await row.getByRole('button', { name: 'Send test' }).click();
  await expect(page.getByText(/Test event queued/)).toBeVisible();
  await row.getByRole('button', { name: 'Deliveries' }).click();
  const drawer = page.getByRole('dialog', { name: `Deliveries · ${name}` });
  const delivery = drawer.getByRole('region', { name: 'Delivery of webhook.ping' });
  await expect(delivery.getByText('HTTP 200')).toBeVisible({ timeout: 40_000 });
  await expect(delivery.getByText('Delivered')).toBeVisible();
  expect(received.some((r) => r.path === '/outpost-hook' && r.signature?.startsWith('t=') && r.body.includes('webhook.ping'))).toBe(true);

  // Redeliver sends it again: a second attempt appears.
  const before = received.length;
  await delivery.getByRole('button', { name: 'Redeliver' }).click();
  await expect(delivery.getByRole('table', { name: 'Attempts' }).getByRole('row')).toHaveCount(3, { timeout: 40_000 });
  expect(received.length).toBeGreaterThan(before);
  await page.keyboard.press('Escape');

  // Pause and resume.
  await row.getByRole('button', { name: `More actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Pause' }).click();
  await expect(row).toContainText('Paused by an admin');
  await row.getByRole('button', { name: `More actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Resume' }).click();
  await expect(row).toContainText('Active');

  // Edit: the secret is not shown again.
  await row.getByRole('button', { name: `More actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: `Edit “${name}”` });
  await expect(edit.getByLabel(/^Payload URL/)).toHaveValue(receiverUrl);
  await expect(edit.getByTestId('secret-value')).toHaveCount(0);
  await edit.getByRole('checkbox', { name: 'sla.breached' }).check();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(row).toContainText('sla.breached');

  // Delete, after confirming.
  await row.getByRole('button', { name: `More actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete webhook?' }).getByRole('button', { name: 'Delete webhook' }).click();
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
});
