import { expect, test } from '@playwright/test';
import { navigate, pick, signIn, unique } from './helpers.js';

test('a delivery lead writes a template with phases, owners and dependencies; the server refuses a cycle; the template is archived', async ({
  page,
}) => {
  await signIn(page, 'tomas.herrera@outpost.local');
  await navigate(page, 'Engagement templates');
  await expect(page.getByRole('table', { name: 'Engagement templates' }).getByText('Standard implementation')).toBeVisible();

  await page.getByRole('button', { name: 'New template' }).click();
  const name = unique('Quick onboarding');
  await page.getByLabel(/^Name/).fill(name);
  await pick(page, 'Kind', 'Onboarding');

  // Phase one: a kick-off call, then the workspace set-up after it.
  const kickoffPhase = page.getByRole('region', { name: 'Phase: Discovery' });
  await kickoffPhase.getByLabel('Phase name').fill('Kick-off');
  const phase1 = page.getByRole('region', { name: 'Phase: Kick-off' });
  await phase1
    .getByRole('group', { name: 'Task: Untitled task' })
    .getByRole('textbox', { name: 'Title', exact: true })
    .fill('Kick-off call');
  const call = phase1.getByRole('group', { name: 'Task: Kick-off call' });
  await pick(call, 'Owner role', 'Customer success engineer');
  await phase1.getByRole('button', { name: 'Add task' }).click();
  await phase1
    .getByRole('group', { name: 'Task: Untitled task' })
    .getByRole('textbox', { name: 'Title', exact: true })
    .fill('Workspace set-up');
  const setup = phase1.getByRole('group', { name: 'Task: Workspace set-up' });
  await setup.getByLabel('Duration (days)').fill('3');
  await pick(setup, 'Depends on', 'Kick-off call');
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Total duration')).toHaveText('1 phase · 2 tasks · 4 working days in total');

  // Phase two: training for the customer's IT admins, a milestone.
  await page.getByRole('button', { name: 'Add phase' }).click();
  await page.getByRole('region', { name: 'Phase: Phase 2' }).getByLabel('Phase name').fill('Training');
  const phase2 = page.getByRole('region', { name: 'Phase: Training' });
  await phase2
    .getByRole('group', { name: 'Task: Untitled task' })
    .getByRole('textbox', { name: 'Title', exact: true })
    .fill('Admin training');
  const training = phase2.getByRole('group', { name: 'Task: Admin training' });
  await pick(training, 'Owner side', 'Customer');
  await pick(training, 'Owner role', 'IT admin');
  await pick(training, 'Depends on', 'Workspace set-up');
  await page.keyboard.press('Escape');
  await training.getByLabel('Milestone').check();
  await training.getByLabel('Customer-visible').check();
  await expect(page.getByLabel('Total duration')).toHaveText('2 phases · 3 tasks · 5 working days in total');

  // A cycle: the kick-off cannot wait for the training that waits for it.
  await pick(call, 'Depends on', 'Admin training');
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Total duration')).toContainText('the dependencies form a cycle');
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByText('The template was not saved')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'The template was not saved' })).toContainText(/circle/i);

  // Take the cycle out and save.
  // Backspace in the dependency picker takes the last one off.
  await call.getByRole('combobox', { name: 'Depends on' }).click();
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Total duration')).toHaveText('2 phases · 3 tasks · 5 working days in total');
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByText(`Template “${name}” saved.`)).toBeVisible();
  const table = page.getByRole('table', { name: 'Engagement templates' });
  const row = table.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Onboarding');
  await expect(row).toContainText('5 working days');

  // Reopen: the phases and dependencies came back as saved; archive it.
  await row.getByRole('button', { name: `Edit ${name}` }).click();
  await expect(page.getByRole('region', { name: 'Phase: Training' }).getByRole('group', { name: 'Task: Admin training' })).toContainText(
    'Workspace set-up',
  );
  await page.getByRole('button', { name: 'Archive template' }).click();
  await expect(page.getByText(`Template “${name}” archived.`)).toBeVisible();
  await expect(table.getByText(name)).toBeHidden();
  await page.getByLabel('Show archived').check();
  await expect(table.getByRole('row').filter({ hasText: name })).toContainText('Archived');
});
