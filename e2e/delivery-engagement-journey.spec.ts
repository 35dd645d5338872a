import { expect, test, type Page } from '@playwright/test';
import dayjs from 'dayjs';
import { apiGet, navigate, pick, signIn, unique } from './helpers.js';

interface PlanTask {
  id: string;
  title: string;
  status: 'todo' | 'in_progress' | 'done';
  milestone: boolean;
  startDate: string;
  dueDate: string;
  dependsOn: string[];
}
interface PlanEngagement {
  id: string;
  phases: { id: string; name: string }[];
  tasks: PlanTask[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const shortDate = (date: string) => dayjs(date).format('D MMM');

async function apiPatch(page: Page, path: string, body: unknown): Promise<void> {
  const session = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const response = await page.request.patch(path, { data: body, headers: { 'x-csrf-token': session.csrfToken } });
  expect(response.status(), await response.text()).toBe(200);
}

/** Every task `task` waits for, directly or through others, in an order they can be done in. */
function ancestorsInOrder(tasks: PlanTask[], task: PlanTask): PlanTask[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const ordered: PlanTask[] = [];
  const seen = new Set<string>();
  const visit = (t: PlanTask) => {
    for (const dep of t.dependsOn) {
      const d = byId.get(dep);
      if (!d || seen.has(d.id)) continue;
      seen.add(d.id);
      visit(d);
      ordered.push(d);
    }
  };
  visit(task);
  return ordered;
}

test('an implementation engineer plans an engagement from the standard template, works the plan, logs time and reaches a milestone', async ({
  page,
}) => {
  await signIn(page, 'tomas.herrera@outpost.local');

  // Create the engagement from the template.
  await navigate(page, 'Engagements');
  await page.getByRole('button', { name: 'New engagement' }).click();
  const dialog = page.getByRole('dialog', { name: 'New engagement' });
  const name = unique('Northwind rollout');
  const account = dialog.locator('input').and(dialog.getByLabel(/^Account( \*)?$/));
  await account.fill('Northwind');
  await page.getByRole('option', { name: 'Northwind Logistics', exact: true }).click();
  await dialog.getByLabel(/^Name/).fill(name);
  await pick(dialog, 'Template', 'Standard implementation');
  await expect(dialog.getByText(/\d+ phases · \d+ tasks · \d+ working days/)).toBeVisible();
  await dialog.getByLabel('Budget hours').fill('120');
  await pick(dialog, 'Lead', 'Tomás Herrera');
  await dialog.getByRole('button', { name: 'Create engagement' }).click();

  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  const id = /\/engagements\/([^/?#]+)/.exec(page.url())?.[1];
  expect(id).toBeTruthy();
  const plan = await apiGet<PlanEngagement>(page, `/api/engagements/${id}`);
  expect(plan.phases.length).toBeGreaterThan(1);
  expect(plan.tasks.length).toBeGreaterThan(3);

  // The dated plan: every phase on the timeline, every task as a bar with its dates.
  const timeline = page.getByRole('region', { name: 'Timeline' });
  for (const phase of plan.phases) await expect(timeline.getByRole('listitem', { name: `Phase: ${phase.name}` })).toBeVisible();
  for (const task of plan.tasks.slice(0, 6)) {
    const dates = task.startDate === task.dueDate ? shortDate(task.dueDate) : `${shortDate(task.startDate)} – ${shortDate(task.dueDate)}`;
    await expect(timeline.getByRole('img', { name: new RegExp(`^${escape(task.title)}: ${escape(dates)}`) })).toBeAttached();
  }

  // A task that waits for one other, which waits for nothing: blocked first, startable once that is done.
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  const dependent = plan.tasks.find((t) => t.dependsOn.length === 1 && byId.get(t.dependsOn[0]!)?.dependsOn.length === 0 && !t.milestone);
  expect(dependent, 'the template has a task that depends on one task without dependencies').toBeTruthy();
  const first = byId.get(dependent!.dependsOn[0]!)!;

  const tasks = page.getByRole('region', { name: 'Tasks' });
  const rowOf = (task: PlanTask) => tasks.getByRole('row').filter({ has: page.getByRole('button', { name: task.title, exact: true }) });
  await expect(rowOf(dependent!)).toContainText(`Blocked by: ${first.title}`);
  await rowOf(dependent!).getByText('In progress', { exact: true }).click();
  await expect(page.getByText('The task’s status did not change')).toBeVisible();
  await expect(rowOf(dependent!).getByRole('radio', { name: 'To do' })).toBeChecked();

  await rowOf(first).getByText('Done', { exact: true }).click();
  await expect(rowOf(first).getByRole('radio', { name: 'Done' })).toBeChecked();
  await expect(rowOf(dependent!)).not.toContainText('Blocked by');
  await rowOf(dependent!).getByText('In progress', { exact: true }).click();
  await expect(rowOf(dependent!).getByRole('radio', { name: 'In progress' })).toBeChecked();

  // Log time on a task and watch the burn move.
  const burn = page.getByRole('region', { name: 'Budget burn' });
  await expect(burn).toContainText('0 h logged of 120 h');
  await rowOf(dependent!).getByRole('button', { name: dependent!.title, exact: true }).click();
  const drawer = page.getByRole('dialog', { name: dependent!.title });
  const logTime = drawer.getByRole('group', { name: 'Log time' });
  await logTime.getByLabel('Time spent').fill('3');
  await logTime.getByLabel('Note').fill('Configured SSO with the customer');
  await logTime.getByRole('button', { name: 'Log time' }).click();
  await expect(page.getByText('3 h logged.')).toBeVisible();
  await drawer.getByRole('group', { name: 'Comments' }).getByLabel('Add a comment').fill('SSO works for the pilot group.');
  await drawer.getByRole('button', { name: 'Comment' }).click();
  // The comment appears in the thread (and the box is emptied for the next one).
  await expect(drawer.getByRole('paragraph').filter({ hasText: 'SSO works for the pilot group.' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(burn).toContainText('3 h logged of 120 h');
  await expect(burn).toContainText('117 h remaining');
  await expect(page.getByRole('region', { name: 'Engagement figures' })).toContainText('3 h / 120 h');
  await expect(rowOf(dependent!)).toContainText('3 h');

  // Mark a milestone reached, once what it waits for is done (done through the API: the plan is long).
  const fresh = await apiGet<PlanEngagement>(page, `/api/engagements/${id}`);
  const milestones = fresh.tasks.filter((t) => t.milestone && t.status !== 'done');
  expect(milestones.length).toBeGreaterThan(0);
  const milestone = milestones
    .map((m) => ({ m, before: ancestorsInOrder(fresh.tasks, m) }))
    .sort((a, b) => a.before.length - b.before.length)[0]!;
  for (const task of milestone.before) if (task.status !== 'done') await apiPatch(page, `/api/tasks/${task.id}`, { status: 'done' });
  await page.reload();
  const milestoneCard = page.getByRole('region', { name: 'Milestones' });
  const item = milestoneCard.getByRole('listitem', { name: milestone.m.title });
  await item.getByRole('button', { name: 'Mark reached' }).click();
  await expect(item).toContainText('Reached');
  await expect(page.getByText(`Milestone “${milestone.m.title}” reached.`)).toBeVisible();

  // The list shows it with its burn.
  await navigate(page, 'Engagements');
  await page.getByLabel('Search').fill(name);
  await expect(page).toHaveURL(/[?&]q=/);
  const row = page.getByRole('table', { name: 'Engagements' }).getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Northwind Logistics');
  await expect(row).toContainText('3 h / 120 h');

  // And so does the account's page.
  await row.getByRole('link', { name: 'Northwind Logistics' }).click();
  await expect(page.getByRole('heading', { name: 'Northwind Logistics', level: 2 })).toBeVisible();
  const card = page.getByRole('region', { name: 'Engagements', exact: true });
  await expect(card.getByRole('row').filter({ hasText: name })).toContainText('3 h / 120 h');
});
