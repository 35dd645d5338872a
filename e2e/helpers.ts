import { expect, type Locator, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'outpost-demo';
export const ADMIN = 'admin@outpost.local';

export async function signIn(page: Page, email: string = ADMIN, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Account menu' })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** Picks an option in a Mantine Select or MultiSelect, found by its label inside `scope` (a dialog, say). */
export async function pick(scope: Page | Locator, label: string, option: string): Promise<void> {
  // Required fields carry an asterisk in their label.
  const name = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);
  await scope.locator('input').and(scope.getByLabel(name)).click();
  const page = 'page' in scope ? scope.page() : scope;
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A value for a datetime-local input, `days` before now, at 11:00 local time. */
export function daysAgo(days: number): string {
  const d = new Date(Date.now() - days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T11:00`;
}

/** Unique enough names, so specs can run again against the same database. */
export const unique = (prefix: string) => `${prefix} ${Date.now().toString(36).slice(-5)}`;

/** Follows a link in the main navigation. */
export async function navigate(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
}

export interface NewTicket {
  subject: string;
  description: string;
  requesterEmail: string;
  requesterName?: string;
  priority?: 'low' | 'normal' | 'high' | 'urgent';
  tags?: string[];
}

/** POSTs to the API as the signed-in member (with the session's CSRF token) and expects a 201. */
export async function apiCreate<T>(page: Page, path: string, body: unknown): Promise<T> {
  const session = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const response = await page.request.post(path, { data: body, headers: { 'x-csrf-token': session.csrfToken } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as T;
}

/** Opens a ticket through the API as the signed-in member, so a journey starts from a known case. */
export async function createTicketViaApi(page: Page, ticket: NewTicket): Promise<{ id: string; number: number; subject: string }> {
  return apiCreate(page, '/api/tickets', ticket);
}

/** Selects a queue in the views column of the tickets screen. */
export async function openView(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
}
