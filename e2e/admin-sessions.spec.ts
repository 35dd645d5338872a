import { expect, test } from '@playwright/test';
import { signIn } from './helpers.js';

const MEMBER = 'priya.raman@outpost.local';
const OTHER_DEVICE_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';

test('a member signs out another device from the sessions page, and that device lands on sign-in', async ({ page, browser }) => {
  const laptop = await browser.newContext({ userAgent: OTHER_DEVICE_UA });
  const other = await laptop.newPage();
  await signIn(other, MEMBER);
  await signIn(page, MEMBER);

  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Security and sessions' }).click();
  await expect(page.getByRole('heading', { name: 'Security', level: 2 })).toBeVisible();
  const sessions = page.getByRole('region', { name: 'Sessions' });
  await expect(sessions.getByRole('row').filter({ hasText: 'This device' })).toHaveCount(1);
  const otherRow = sessions.getByRole('row').filter({ hasText: 'Firefox on Windows' });
  await expect(otherRow).toHaveCount(1);
  await otherRow.getByRole('button', { name: /^Sign out Firefox on Windows/ }).click();
  await expect(page.getByText('Signed out of Firefox on Windows.')).toBeVisible();
  await expect(otherRow).toHaveCount(0);

  // The other device's next request finds its session gone.
  await other.goto('/accounts');
  await expect(other).toHaveURL(/\/sign-in/);
  await expect(other.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await laptop.close();

  // This device is still signed in.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Account menu' })).toBeVisible();
});
