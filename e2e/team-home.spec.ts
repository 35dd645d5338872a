import { expect, test, type Page } from '@playwright/test';
import { apiGet, DEMO_PASSWORD } from './helpers.js';

/**
 * Issue 17, a home screen per role: each demo member lands on their role's key responsibilities —
 * a titled section with records they would recognise, read here from the API as that member
 * (the demo data is partly random) — on a desktop (1440 px) and, for a few roles, a phone (390 px)
 * without horizontal scrolling.
 */

type Named = { id: string; name: string };
type Paged<T> = { items: T[]; nextCursor: string | null };

/** Signs in through the API (the browser context keeps the cookie), then opens the home screen. */
async function openHomeAs(page: Page, email: string): Promise<string> {
  const response = await page.request.post('/api/auth/sign-in', { data: { email, password: DEMO_PASSWORD } });
  expect(response.status(), await response.text()).toBe(200);
  const session = await apiGet<{ member: { id: string } }>(page, '/api/auth/session');
  await page.goto('/');
  await expect(page.getByRole('heading', { name: /Good (morning|afternoon|evening)/ })).toBeVisible();
  return session.member.id;
}

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate<number>(`(() => {
    const doc = document.documentElement;
    const main = document.querySelector('main');
    return Math.max(doc.scrollWidth - doc.clientWidth, main ? main.scrollWidth - main.clientWidth : 0);
  })()`);
  expect(overflow).toBeLessThanOrEqual(1);
}

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const FINISHED = ['done', 'cancelled'];

async function firstTicket(page: Page, view: string): Promise<string | undefined> {
  return (await apiGet<Paged<{ subject: string }>>(page, `/api/tickets?view=${view}&limit=6`)).items[0]?.subject;
}

async function runningEngagement(page: Page, query: string): Promise<string> {
  const list = await apiGet<Paged<{ name: string; status: string }>>(page, `/api/engagements?${query}&limit=50`);
  const running = list.items.filter((e) => !FINISHED.includes(e.status));
  expect(running.length, `no running engagement for ${query}`).toBeGreaterThan(0);
  return running[0]!.name;
}

/** The weakest-health account among those the member is on: the first row of their health section. */
async function weakestAccount(page: Page, memberId: string): Promise<string> {
  const mine = await apiGet<Paged<Named>>(page, `/api/accounts?memberId=${memberId}&limit=200`);
  const ids = new Set(mine.items.map((a) => a.id));
  const portfolio = await apiGet<Paged<{ account: Named }>>(page, '/api/health/portfolio?sort=score&direction=asc&limit=200');
  const first = portfolio.items.find((r) => ids.has(r.account.id));
  expect(first, 'the member is on no scored account').toBeDefined();
  return first!.account.name;
}

async function unassignedTicket(page: Page): Promise<string> {
  const subject = await firstTicket(page, 'view-tier1-unassigned');
  expect(subject, 'no unassigned Tier 1 tickets in the demo').toBeDefined();
  return subject!;
}

/**
 * The agent's own queue, nearest SLA first, and the runbooks to follow on it. The demo's Tier 1
 * agents keep the cases they answered, but the escalation rule moves cases left in Tier 1 for four
 * business hours on to Tier 2 while the suite runs, and the IT help desk's are all solved: the queue
 * may be empty, it says so, and the runbooks are those of the cases waiting to be picked up.
 */
async function expectOwnQueue(page: Page) {
  const mine = page.getByRole('region', { name: 'My queue' });
  await expect(mine.getByRole('link', { name: 'See all' })).toHaveAttribute('href', '/tickets?view=view-mine');
  const own = await firstTicket(page, 'view-mine');
  if (own) await expect(mine.getByText(own).first()).toBeVisible();
  else await expect(mine.getByText('Your queue is clear')).toBeVisible();
  const runbooks = page.getByRole('region', { name: 'Runbooks to follow' });
  await expect(runbooks.getByText(own ?? (await unassignedTicket(page))).first()).toBeVisible();
  await expect(runbooks.getByText(/Follow “|No runbook matches/).first()).toBeVisible();
}

interface RoleCase {
  role: string;
  email: string;
  section: string;
  /** A record the section must show, read through the API as the member. */
  expected: (page: Page, memberId: string) => Promise<string>;
  phone?: boolean;
  extra?: (page: Page) => Promise<void>;
}

const ROLES: RoleCase[] = [
  {
    role: 'Tier 1',
    email: 'priya.raman@outpost.local',
    section: 'Waiting to be picked up',
    phone: true,
    expected: unassignedTicket,
    extra: expectOwnQueue,
  },
  {
    role: 'Tier 2',
    email: 'elena.petrova@outpost.local',
    section: 'Escalations in',
    expected: async (page) => {
      const subject = await firstTicket(page, 'view-tier2');
      expect(subject, 'no Tier 2 escalations in the demo').toBeDefined();
      return subject!;
    },
  },
  {
    role: 'implementation',
    email: 'tomas.herrera@outpost.local',
    section: 'My engagements',
    expected: (page, me) => runningEngagement(page, `leadId=${me}`),
    extra: async (page) => {
      await expect(page.getByRole('region', { name: 'Tasks due' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Environments behind' })).toBeVisible();
    },
  },
  {
    role: 'professional services',
    email: 'grace.okafor@outpost.local',
    section: 'Budgets and burn',
    expected: async (page, me) => {
      const list = await apiGet<Paged<{ name: string; status: string; budgetHours: number }>>(
        page,
        `/api/engagements?leadId=${me}&limit=50`,
      );
      const budgeted = list.items.find((e) => !FINISHED.includes(e.status) && e.budgetHours > 0);
      expect(budgeted, 'Grace leads no budgeted engagement').toBeDefined();
      return budgeted!.name;
    },
    extra: async (page) => {
      await expect(page.getByRole('region', { name: 'Budgets and burn' }).getByRole('progressbar').first()).toBeVisible();
    },
  },
  {
    role: 'field',
    email: 'liam.oconnor@outpost.local',
    section: 'Visits this week',
    phone: true,
    expected: async (page) => {
      const visits = await apiGet<Paged<{ purpose: string }>>(page, `/api/field-visits?engineerId=me&from=${isoDay(-7)}&to=${isoDay(7)}`);
      expect(visits.items.length, 'Liam has no visits this week in the demo').toBeGreaterThan(0);
      return visits.items[0]!.purpose;
    },
    extra: async (page) => {
      await expect(
        page
          .getByRole('region', { name: 'Visits this week' })
          .getByText(/Checklist \d+\/\d+/)
          .first(),
      ).toBeVisible();
    },
  },
  {
    role: 'forward deployed',
    email: 'yuki.tanaka@outpost.local',
    section: 'My engagements',
    expected: (page, me) => runningEngagement(page, `leadId=${me}`),
    extra: async (page) => {
      await expect(page.getByRole('region', { name: 'My strategic accounts' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Feedback I logged' })).toBeVisible();
    },
  },
  {
    role: 'solutions architect',
    email: 'sofia.rossi@outpost.local',
    section: 'Requirements to assess',
    expected: async (page, me) => {
      const deals = await apiGet<Paged<{ name: string }>>(page, `/api/opportunities?solutionsArchitectId=${me}&open=true&limit=6`);
      expect(deals.items.length, 'Sofia is on no open deal').toBeGreaterThan(0);
      return deals.items[0]!.name;
    },
    extra: async (page) => {
      await expect(page.getByRole('region', { name: 'Designs in progress' })).toBeVisible();
    },
  },
  {
    role: 'sales engineer',
    email: 'daniel.kim@outpost.local',
    section: 'Deal-support requests',
    phone: true,
    expected: async (page) => {
      const queue = await apiGet<Paged<{ title: string }>>(page, '/api/deal-support?mine=true&status=open&limit=6');
      expect(queue.items.length, 'Daniel has no open deal-support requests').toBeGreaterThan(0);
      return queue.items[0]!.title;
    },
    extra: async (page) => {
      await expect(page.getByRole('region', { name: 'Proofs of concept' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Questionnaires due' })).toBeVisible();
    },
  },
  {
    role: 'TAM',
    email: 'hannah.mueller@outpost.local',
    section: 'Account health',
    phone: true,
    expected: (page, me) => weakestAccount(page, me),
    extra: async (page) => {
      await expect(page.getByRole('region', { name: 'Escalated cases' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Business reviews and renewals due' })).toBeVisible();
    },
  },
  {
    role: 'CSM',
    email: 'chloe.martin@outpost.local',
    section: 'Account health',
    expected: (page, me) => weakestAccount(page, me),
  },
  {
    role: 'product manager',
    email: 'mia.schultz@outpost.local',
    section: 'Ranked feature requests',
    expected: async (page) => {
      const requests = await apiGet<Paged<{ title: string; status: string }>>(page, '/api/feature-requests?sort=score&limit=30');
      const top = requests.items.find((r) => !['shipped', 'declined'].includes(r.status));
      expect(top, 'no open feature requests in the demo').toBeDefined();
      return top!.title;
    },
    extra: async (page) => {
      await expect(page.getByRole('region', { name: 'Engineering issues' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Team time' })).toBeHidden();
      // Internal staff sit on no account team: no empty "my accounts", no customer portfolio.
      await expect(page.getByRole('region', { name: 'My accounts' })).toBeHidden();
      await expect(page.getByRole('heading', { name: 'Portfolio' })).toBeHidden();
    },
  },
  {
    role: 'engineering manager',
    email: 'ben.carter@outpost.local',
    section: 'Engineering issues',
    expected: async (page) => {
      const rank: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };
      const issues = await apiGet<Paged<{ title: string; severity: string; ticketCount: number }>>(
        page,
        '/api/engineering-issues?status=open&limit=50',
      );
      const sorted = [...issues.items].sort((a, b) => rank[a.severity]! - rank[b.severity]! || b.ticketCount - a.ticketCount);
      expect(sorted.length, 'no open engineering issues in the demo').toBeGreaterThan(0);
      return sorted[0]!.title;
    },
    extra: async (page) => {
      await expect(page.getByRole('region', { name: 'Ranked feature requests' })).toBeVisible();
      await page.getByRole('region', { name: 'Team time' }).getByRole('link', { name: 'Open team time' }).click();
      await expect(page).toHaveURL(/\/team\/time$/);
    },
  },
  {
    role: 'IT help desk',
    email: 'sam.ito@outpost.local',
    section: 'Waiting to be picked up',
    expected: unassignedTicket,
    extra: expectOwnQueue,
  },
];

for (const c of ROLES) {
  test(`${c.role} opens on ${c.section} (desktop)`, async ({ page }) => {
    const memberId = await openHomeAs(page, c.email);
    const expected = await c.expected(page, memberId);
    const section = page.getByRole('region', { name: c.section });
    await expect(section.getByRole('heading', { name: c.section })).toBeVisible();
    await expect(section.getByText(expected, { exact: false }).first()).toBeVisible();
    await expect(section.getByRole('link').first()).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await c.extra?.(page);
  });
}

for (const c of ROLES.filter((r) => r.phone)) {
  test(`${c.role} opens on ${c.section} (phone)`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const memberId = await openHomeAs(page, c.email);
    const expected = await c.expected(page, memberId);
    const section = page.getByRole('region', { name: c.section });
    await expect(section.getByText(expected, { exact: false }).first()).toBeVisible();
    await expectNoHorizontalOverflow(page);
  });
}
