import { expect, test } from '@playwright/test';
import { navigate, openView, pick, signIn, unique } from './helpers.js';

test('an admin adds an SLA policy and an escalation rule, and runs the rules', async ({ page }) => {
  await signIn(page);
  await navigate(page, 'Support settings');

  // SLA policies, in match order.
  const policies = page.getByRole('region', { name: 'SLA policies' });
  await expect(policies.getByRole('row').nth(1)).toContainText('Strategic and enterprise');
  await page.getByRole('button', { name: 'New SLA policy' }).click();
  const dialog = page.getByRole('dialog', { name: 'New SLA policy' });
  const name = unique('VIP tag');
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Tags').fill('vip-e2e');
  await dialog.getByLabel('Tags').press('Enter');
  await pick(dialog, 'Clock', 'Calendar hours (24×7)');
  await dialog.getByText('Minutes', { exact: true }).click();
  await dialog.getByLabel('Urgent first reply (minutes)').fill('15');
  await dialog.getByRole('button', { name: 'Create policy' }).click();
  await expect(dialog).toBeHidden();
  const row = policies.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('#vip-e2e');
  await expect(row).toContainText('Calendar hours (24×7)');
  await expect(row).toContainText('Urgent15m');

  // An escalation rule, paused until it is trusted.
  await page.getByRole('tab', { name: 'Escalation rules' }).click();
  await page.getByRole('button', { name: 'New rule' }).click();
  const ruleDialog = page.getByRole('dialog', { name: 'New escalation rule' });
  const ruleName = unique('Urgent near breach');
  await ruleDialog.getByLabel('Name').fill(ruleName);
  await pick(ruleDialog, 'Priorities', 'Urgent');
  await ruleDialog.getByLabel('Name').click();
  await ruleDialog.getByLabel('SLA minutes remaining below').fill('15');
  await pick(ruleDialog, 'Move to tier', 'Tier 2');
  await pick(ruleDialog, 'Notify role', 'Support engineer, Tier 2');
  await ruleDialog.getByRole('switch', { name: 'Active' }).uncheck();
  await ruleDialog.getByRole('button', { name: 'Create rule' }).click();
  await expect(ruleDialog).toBeHidden();
  const rules = page.getByRole('region', { name: 'Escalation rules' });
  const ruleRow = rules.getByRole('row').filter({ hasText: ruleName });
  await expect(ruleRow).toContainText('Priority urgent');
  await expect(ruleRow).toContainText('Next SLA target due within 15 min');
  await expect(ruleRow).toContainText('Move to Tier 2');
  await expect(ruleRow).toContainText('Paused');

  await page.getByRole('button', { name: 'Run now' }).click();
  await expect(page.getByText('Rules ran')).toBeVisible();
  await expect(page.getByText(/new SLA breach/)).toBeVisible();
});

test('a stakeholder reads tickets but cannot reply or change them', async ({ page }) => {
  await signIn(page, 'ravi.patel@outpost.local');
  await navigate(page, 'Tickets');
  await openView(page, 'All unsolved');
  await expect(page.getByRole('button', { name: 'New ticket' })).toBeHidden();
  const first = page.getByRole('table', { name: 'Tickets' }).getByRole('row').nth(1);
  await first.getByRole('link').click();

  await expect(page.getByRole('list', { name: 'Conversation' }).getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Account context' })).toBeVisible();
  await expect(page.getByText('You can read this ticket; replying needs a support role.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Reply composer' })).toBeHidden();
  await expect(page.getByRole('button', { name: /Submit as/ })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Escalate' })).toBeHidden();
  const properties = page.getByRole('region', { name: 'Properties' });
  await expect(properties.locator('input')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Support settings' })).toBeHidden();
});
