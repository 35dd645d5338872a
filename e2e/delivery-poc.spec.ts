import { expect, test } from '@playwright/test';
import { apiCreate, apiGet, signIn, unique } from './helpers.js';

test('an engineer keeps PoC success criteria, sees the suggested verdict and records their own', async ({ page }) => {
  await signIn(page);
  const accounts = await apiGet<{ items: { id: string; name: string }[] }>(page, '/api/accounts?q=Kestrel&limit=5');
  const account = accounts.items[0] ?? (await apiGet<{ items: { id: string }[] }>(page, '/api/accounts?limit=1')).items[0]!;
  const opportunity = unique('Fleet analytics deal');
  const deal = await apiCreate<{ id: string }>(page, '/api/opportunities', {
    accountId: account.id,
    name: opportunity,
    stage: 'technical_validation',
    technicalWin: 'in_progress',
  });
  const today = new Date().toISOString().slice(0, 10);
  const poc = await apiCreate<{ id: string }>(page, '/api/engagements', {
    accountId: account.id,
    kind: 'proof_of_concept',
    name: unique('Fleet analytics PoC'),
    status: 'active',
    startDate: today,
    budgetHours: 40,
    opportunityId: deal.id,
  });

  await page.goto(`/engagements/${poc.id}`);
  const card = page.getByRole('region', { name: 'Success criteria' });
  // The deal it serves, linked, with its technical win.
  await expect(card.getByRole('link', { name: opportunity })).toHaveAttribute('href', `/presales/opportunities/${deal.id}`);
  await expect(card.getByLabel('Technical win: In progress')).toBeVisible();

  for (const statement of ['Ingest a year of maintenance logs', 'Dashboards load in under 3 seconds']) {
    await card.getByRole('button', { name: 'Add criterion' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a success criterion' });
    await dialog.getByLabel('Criterion').fill(statement);
    await dialog.getByRole('button', { name: 'Add criterion' }).click();
    await expect(dialog).toBeHidden();
  }
  const verdict = card.getByRole('group', { name: 'Verdict' });
  await expect(verdict).toContainText('The criteria suggest Pending (0 pass, 0 fail, 2 pending)');

  const ingest = card.getByRole('listitem', { name: 'Ingest a year of maintenance logs' });
  const dashboards = card.getByRole('listitem', { name: 'Dashboards load in under 3 seconds' });
  await ingest.getByText('Pass', { exact: true }).click();
  await expect(verdict).toContainText('(1 pass, 0 fail, 1 pending)');
  await dashboards.getByText('Pass', { exact: true }).click();
  await expect(verdict).toContainText('The criteria suggest Pass (2 pass, 0 fail, 0 pending)');
  await dashboards.getByText('Fail', { exact: true }).click();
  await expect(verdict).toContainText('The criteria suggest Fail (1 pass, 1 fail, 0 pending)');

  // Evidence on a criterion.
  await dashboards.getByRole('button', { name: 'Edit Dashboards load in under 3 seconds' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit success criterion' });
  await edit.getByLabel('Evidence', { exact: true }).fill('4.2 s at p95 with the full fleet');
  await edit.getByLabel('Evidence link').fill('https://wiki.example.com/poc/perf');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(dashboards).toContainText('4.2 s at p95');
  await expect(dashboards.getByRole('link', { name: 'evidence link' })).toHaveAttribute('href', 'https://wiki.example.com/poc/perf');

  // The engineer decides otherwise: the customer accepted the performance.
  await verdict.getByText('Pass', { exact: true }).click();
  await verdict.getByLabel('Verdict note').fill('Performance accepted by the customer for phase one');
  await verdict.getByRole('button', { name: 'Record verdict' }).click();
  await expect(verdict.getByLabel('Recorded verdict: Pass')).toBeVisible();
  await expect(verdict).toContainText('The criteria suggest Fail');
  // The verdict sets the deal's technical win.
  await expect(card.getByLabel('Technical win: Won')).toBeVisible();
});
