import { expect, test } from '@playwright/test';
import { navigate, pick, signIn, signOut, unique } from './helpers.js';

test('an admin invites a member, sees the temporary password once and edits their roles', async ({ page }) => {
  await signIn(page);
  await navigate(page, 'Members');
  await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();

  const name = unique('Robin Vale');
  const email = `${name.toLowerCase().replace(/\s+/g, '.')}@outpost.local`;
  await page.getByRole('button', { name: 'Invite member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite a member' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('E-mail').fill(email);
  await pick(dialog, 'Roles', 'Support engineer, Tier 1');
  await dialog.getByLabel('Title').click(); // closes the roles dropdown
  await dialog.getByLabel('Skills').fill('networking');
  await dialog.getByLabel('Skills').press('Enter');
  await dialog.getByRole('button', { name: 'Invite member' }).click();

  const secret = page.getByRole('dialog', { name: `${name} was invited` });
  await expect(secret.getByText('This is the only time it is shown')).toBeVisible();
  const temporaryPassword = (await secret.getByTestId('secret-value').textContent())?.trim() ?? '';
  expect(temporaryPassword.length).toBeGreaterThanOrEqual(10);
  await secret.getByRole('button', { name: 'Done' }).click();
  await expect(secret).toBeHidden();

  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Support engineer, Tier 1');
  await expect(row).toContainText('networking');

  // Give them a second role.
  await row.getByRole('button', { name: `Actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Edit member' }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${name}` });
  await pick(edit, 'Roles', 'Customer success engineer');
  await edit.getByLabel('Title').click();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('Customer success engineer');
  await expect(row).toContainText('Support engineer, Tier 1');

  // The new member signs in with the temporary password and sees no admin pages.
  await signOut(page);
  await signIn(page, email, temporaryPassword);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Accounts' })).toBeVisible();
  await expect(nav.getByText('Admin')).toBeHidden();
  await expect(nav.getByRole('link', { name: 'Members' })).toBeHidden();
  await expect(nav.getByRole('link', { name: 'API tokens' })).toBeHidden();
  await page.goto('/admin/members');
  await expect(page.getByText('You do not have access to this page')).toBeVisible();
});

test('an admin disables and re-enables a member', async ({ page }) => {
  await signIn(page);
  await page.goto('/admin/members');
  await page.getByLabel('Search').fill('Liam');
  const row = page.getByRole('row', { name: /Liam O'Connor/ });
  await expect(row).toContainText('active');
  await row.getByRole('button', { name: /Actions for/ }).click();
  await page.getByRole('menuitem', { name: 'Disable' }).click();
  await expect(row).toContainText('disabled');
  await row.getByRole('button', { name: /Actions for/ }).click();
  await page.getByRole('menuitem', { name: 'Enable' }).click();
  await expect(row).toContainText('active');
});
