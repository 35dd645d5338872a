import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Every demo member's password on the servers the browser tests run against: playwright.config.ts
 * hands it to them as OUTPOST_DEMO_PASSWORD (a real first start generates a random one instead).
 */
export const DEMO_PASSWORD = 'e2e-demo-password';
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
  const input = scope.locator('input').and(scope.getByLabel(name));
  const page = 'page' in scope ? scope.page() : scope;
  const choice = page.getByRole('option', { name: option, exact: true });
  // A click while a dialog is still opening can land as the list opens on focus and close it
  // again (seen in CI under load): click until the list shows, then choose.
  await expect(async () => {
    if (!(await choice.isVisible())) await input.click();
    await expect(choice).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await choice.click();
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
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
}

/** The port of the SMTP sink a project's server sends mail to (OUTPOST_SMTP_URL in playwright.config.ts). */
export function smtpSinkPort(projectName: string): number {
  return projectName === 'postgres' ? 2602 : 2601;
}

export interface SinkMail {
  to: string[];
  subject: string;
  text: string;
  receivedAt: number;
}

/** An SMTP server that accepts every mail and keeps it, so a spec can read what Outpost sent. */
export async function startSmtpSink(port: number): Promise<{
  mails: SinkMail[];
  waitForMail: (match: (mail: SinkMail) => boolean, timeoutMs?: number) => Promise<SinkMail>;
  close: () => Promise<void>;
}> {
  const { SMTPServer } = await import('smtp-server');
  const { simpleParser } = await import('mailparser');
  const mails: SinkMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            receivedAt: Date.now(),
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    mails,
    // The outbox worker runs every 10 s and backs off after failures, so a mail can take a while.
    async waitForMail(match, timeoutMs = 40_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = mails.find(match);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      throw new Error(
        `No matching mail within ${timeoutMs / 1000} s; the sink received: ${mails.map((m) => `${m.to.join(',')} “${m.subject}”`).join('; ') || 'nothing'}`,
      );
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** GETs the API as the signed-in member and expects a 200. */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as T;
}

/** The two widths every screen is checked at (a phone and a laptop). */
export const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1440, height: 900 },
] as const;

/** Fails when the page, or its main column, scrolls sideways: something is wider than the screen. */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate<number>(`(() => {
    const doc = document.documentElement;
    const main = document.querySelector('main');
    return Math.max(doc.scrollWidth - doc.clientWidth, main ? main.scrollWidth - main.clientWidth : 0);
  })()`);
  expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(1);
}
