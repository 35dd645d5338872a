import { expect, test } from '@playwright/test';
import { navigate, signIn } from './helpers.js';

test('an admin tightens the relationship rules and the change sticks', async ({ page }) => {
  await signIn(page);
  await navigate(page, 'Relationship rules');
  const minimum = page.getByLabel('Minimum interactions');
  await expect(minimum).toHaveValue('6');
  const save = page.getByRole('button', { name: 'Save rules' });
  await expect(save).toBeDisabled();

  await minimum.fill('8');
  await page.getByRole('switch').uncheck();
  await expect(page.getByText(/at least 8 interactions/)).toBeVisible();
  await save.click();
  await expect(page.getByText('Relationship rules saved; every account was re-assessed.')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Minimum interactions')).toHaveValue('8');
  await expect(page.getByRole('switch')).not.toBeChecked();

  // Put the defaults back for the other specs.
  await page.getByLabel('Minimum interactions').fill('6');
  await page.getByRole('switch').check();
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByText('Relationship rules saved; every account was re-assessed.')).toBeVisible();
});

test('a member without settings.manage cannot open the rules', async ({ page }) => {
  await signIn(page, 'hannah.mueller@outpost.local');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Relationship rules' })).toBeHidden();
  await page.goto('/admin/relationship-rules');
  await expect(page.getByText('You do not have access to this page')).toBeVisible();
});
