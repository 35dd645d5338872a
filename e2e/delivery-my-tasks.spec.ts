import { expect, test, type Page } from '@playwright/test';
import dayjs from 'dayjs';
import { apiCreate, apiGet, navigate, signIn, unique } from './helpers.js';

const day = (offset: number) => dayjs().add(offset, 'day').format('YYYY-MM-DD');

async function createPlan(page: Page) {
  const session = await apiGet<{ member: { id: string } }>(page, '/api/auth/session');
  const accounts = await apiGet<{ items: { id: string; name: string }[] }>(page, '/api/accounts?q=Helios');
  const account = accounts.items[0]!;
  const engagement = await apiCreate<{ id: string; name: string }>(page, '/api/engagements', {
    accountId: account.id,
    kind: 'professional_services',
    name: unique('Helios data migration'),
    startDate: day(-20),
    budgetHours: 40,
    leadId: session.member.id,
  });
  const me = { type: 'member', id: session.member.id };
  const task = (title: string, startDate: string, dueDate: string, dependsOn: string[] = []) =>
    apiCreate<{ id: string; title: string }>(page, `/api/engagements/${engagement.id}/tasks`, {
      title,
      owner: me,
      startDate,
      dueDate,
      dependsOn,
    });
  const suffix = unique('').trim();
  const overdue = await task(`Export legacy records ${suffix}`, day(-10), day(-3));
  // Today is always in "this week" (which ends on Sunday).
  const thisWeek = await task(`Map customer fields ${suffix}`, day(0), day(0));
  const later = await task(`Dry-run import ${suffix}`, day(25), day(30), [thisWeek.id]);
  return { account, engagement, overdue, thisWeek, later };
}

test('my tasks: overdue, this week and later across engagements, with quick status and what blocks a task', async ({ page }) => {
  await signIn(page, 'grace.okafor@outpost.local');
  const plan = await createPlan(page);

  await navigate(page, 'My tasks');
  await expect(page.getByRole('heading', { name: 'My tasks', level: 2 })).toBeVisible();
  const overdue = page.getByRole('region', { name: 'Overdue' });
  const thisWeek = page.getByRole('region', { name: 'This week' });
  const later = page.getByRole('region', { name: 'Later' });
  await expect(overdue.getByRole('listitem', { name: plan.overdue.title })).toBeVisible();
  await expect(thisWeek.getByRole('listitem', { name: plan.thisWeek.title })).toContainText(plan.engagement.name);
  await expect(thisWeek.getByRole('listitem', { name: plan.thisWeek.title })).toContainText(plan.account.name);
  const blocked = later.getByRole('listitem', { name: plan.later.title });
  await expect(blocked).toContainText(`Blocked by: ${plan.thisWeek.title}`);

  // Starting a blocked task is refused with the server's reason.
  await blocked.getByText('In progress', { exact: true }).click();
  await expect(page.getByText('The task’s status did not change')).toBeVisible();

  // Finish this week's task: it moves to Done and the later one is free.
  await thisWeek.getByRole('listitem', { name: plan.thisWeek.title }).getByText('Done', { exact: true }).click();
  await expect(page.getByRole('region', { name: 'Done' }).getByRole('listitem', { name: plan.thisWeek.title })).toBeVisible();
  await expect(blocked).not.toContainText('Blocked by');
  await blocked.getByText('In progress', { exact: true }).click();
  await expect(blocked.getByRole('radio', { name: 'In progress' })).toBeChecked();

  // The task's link opens it on its engagement.
  await overdue.getByRole('link', { name: plan.overdue.title }).click();
  await expect(page.getByRole('heading', { name: plan.engagement.name, level: 2 })).toBeVisible();
  await expect(page.getByRole('dialog', { name: plan.overdue.title })).toBeVisible();
});
