import { expect, test, type Page } from '@playwright/test';
import { apiCreate, apiGet, pick, signIn, unique } from './helpers.js';

/**
 * Issue 15, playbooks: an admin creates a "renewal within 60 days" rule for the technical account
 * manager in the UI and runs it now; the account renewing in 30 days gets exactly one task (a second
 * run creates none), which its TAM ticks through and closes with a reason from the Success tasks
 * queue — on a desktop (1440 px) and a phone (390 px).
 */

const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate<number>(`(() => {
    const doc = document.documentElement;
    const main = document.querySelector('main');
    return Math.max(doc.scrollWidth - doc.clientWidth, main ? main.scrollWidth - main.clientWidth : 0);
  })()`);
  expect(overflow).toBeLessThanOrEqual(1);
}

async function apiPut(page: Page, path: string, body: unknown): Promise<void> {
  const session = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const response = await page.request.put(path, { data: body, headers: { 'x-csrf-token': session.csrfToken } });
  expect(response.status(), await response.text()).toBe(200);
}

for (const viewport of VIEWPORTS) {
  test(`a renewal playbook creates one task for the TAM, who works and closes it (${viewport.name})`, async ({ page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await signIn(page);
    const { member } = await apiGet<{ member: { id: string } }>(page, '/api/auth/session');
    const renewalDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const account = await apiCreate<{ id: string; name: string }>(page, '/api/accounts', {
      name: unique('Renewing Co'),
      segment: 'enterprise',
      renewalDate,
    });
    // The signed-in admin is the account's technical account manager.
    await apiPut(page, `/api/accounts/${account.id}/team`, { slots: [{ role: 'technical_account_manager', memberId: member.id }] });

    // The admin writes the rule in the UI.
    const ruleName = unique('Renewal in 60 days');
    const taskTitle = unique('Prepare the renewal');
    await page.goto('/admin/playbooks');
    await expect(page.getByRole('heading', { name: 'Playbooks' })).toBeVisible();
    await page.getByRole('button', { name: 'New rule' }).click();
    const dialog = page.getByRole('dialog', { name: 'New playbook rule' });
    await dialog.getByLabel('Name').fill(ruleName);
    await pick(dialog, 'Trigger', 'Renewal is near');
    await dialog.getByLabel('Renewal within (days)').fill('60');
    await pick(dialog, 'Task goes to', 'Technical account manager');
    await dialog.getByLabel('Task title').fill(taskTitle);
    await dialog.getByLabel('Step 1', { exact: true }).fill('Review health and open tickets');
    await dialog.getByRole('button', { name: 'Add step' }).click();
    await dialog.getByLabel('Step 2', { exact: true }).fill('Book the renewal call');
    await dialog.getByLabel('Due in (days)').fill('5');
    await dialog.getByRole('button', { name: 'Create rule' }).click();
    await expect(dialog).toBeHidden();

    const rule = page.getByRole('listitem', { name: ruleName });
    await expect(rule.getByText('Renewal within 60 days')).toBeVisible();
    await expect(rule.getByRole('switch', { name: `Enabled: ${ruleName}` })).toBeChecked();
    await expectNoHorizontalOverflow(page);
    // Run now fires on every account renewing within 60 days (demo accounts too) — ours among them.
    await rule.getByRole('button', { name: 'Run now' }).click();
    await expect(rule.getByRole('status')).toHaveText(/^[1-9]\d* tasks? created$/);
    await rule.getByRole('button', { name: 'Run now' }).click();
    await expect(rule.getByRole('status')).toHaveText('0 tasks created');

    // Exactly one task on the account, for its TAM.
    await page.goto(`/accounts/${account.id}`);
    const card = page.getByRole('region', { name: 'Success tasks' });
    await expect(card.getByText(taskTitle)).toHaveCount(1);
    await expect(card.getByText(`Renewal on ${renewalDate}, in 30 days`)).toBeVisible();
    await expectNoHorizontalOverflow(page);

    // The TAM works it from the queue: ticks a step, closes it with a reason.
    await page.goto('/success/tasks');
    await expect(page.getByRole('heading', { name: 'Success tasks' })).toBeVisible();
    // The rule fired on demo accounts the admin looks after too: ours is the card linking to it.
    const ours = () => page.getByRole('listitem', { name: taskTitle }).filter({ has: page.getByRole('link', { name: account.name }) });
    const task = ours();
    await expect(task).toHaveCount(1);
    await expect(task.getByText(/^Due /)).toBeVisible();
    await expectNoHorizontalOverflow(page);
    const step = task.getByRole('checkbox', { name: 'Review health and open tickets' });
    await step.click();
    await expect(step).toBeChecked();
    await page.reload();
    await expect(ours().getByRole('checkbox', { name: 'Review health and open tickets' })).toBeChecked();

    await ours().getByRole('button', { name: 'Close' }).click();
    const close = page.getByRole('dialog', { name: 'Close task' });
    await pick(close, 'Reason', 'Resolved');
    await close.getByLabel('Note').fill('Renewal call booked for next week');
    await close.getByRole('button', { name: 'Close task' }).click();
    await expect(close).toBeHidden();
    await expect(ours()).toHaveCount(0);

    await page
      .locator('label')
      .filter({ hasText: /^Done$/ })
      .click();
    const done = ours();
    await expect(done.getByText(/Resolved — Renewal call booked for next week/)).toBeVisible();
    await expectNoHorizontalOverflow(page);
  });
}
