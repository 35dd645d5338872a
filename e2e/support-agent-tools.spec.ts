import { expect, test } from '@playwright/test';
import { apiCreate, createTicketViaApi, signIn, signOut, unique } from './helpers.js';

test('a Tier 1 agent follows a suggested runbook, applies a macro and logs time; the escalation summary lists the steps done', async ({
  page,
}) => {
  // Tier 2 writes the script.
  await signIn(page, 'elena.petrova@outpost.local');
  const tag = `sso-${Date.now().toString(36).slice(-5)}`;
  const runbook = unique('SSO login loop');
  await apiCreate(page, '/api/runbooks', {
    title: runbook,
    tags: [tag],
    steps: [
      { instruction: 'Check the IdP metadata URL is reachable', expectedResult: 'HTTP 200 with XML' },
      { instruction: 'Compare the entity ID with the one configured', inputLabel: 'IdP entity ID' },
      { instruction: 'Clear the SSO session cache' },
    ],
  });
  await signOut(page);

  await signIn(page, 'priya.raman@outpost.local');
  const macro = unique('Ask for a HAR file');
  await apiCreate(page, '/api/macros', {
    title: macro,
    body: 'Hi {{requester.first_name}}, could you record a HAR file of the login?',
    visibility: 'public',
    actions: { status: 'pending' },
  });
  const ticket = await createTicketViaApi(page, {
    subject: unique('SSO login keeps looping'),
    description: 'After the IdP change our users loop between the login page and the IdP.',
    requesterEmail: 'marta.lopez@granitelegal.com',
    requesterName: 'Marta Lopez',
    tags: [tag],
  });
  await page.goto(`/tickets/${ticket.id}`);

  // The suggested runbook, run step by step.
  const panel = page.getByRole('region', { name: 'Runbooks' });
  await expect(panel.getByText(runbook)).toBeVisible();
  await panel.getByRole('group', { name: runbook }).getByRole('button', { name: 'Start runbook' }).click();
  await expect(panel.getByText('Step 1 of 3')).toBeVisible();
  await expect(panel.getByText('Expect: HTTP 200 with XML')).toBeVisible();
  await panel.getByRole('button', { name: 'Done' }).click();
  await expect(panel.getByText('Step 2 of 3')).toBeVisible();
  await panel.getByLabel('IdP entity ID').fill('https://idp.granitelegal.com/saml');
  await panel.getByRole('button', { name: 'Done' }).click();
  await expect(panel.getByText('IdP entity ID: https://idp.granitelegal.com/saml')).toBeVisible();

  // Time: a manual entry.
  const time = page.getByRole('region', { name: 'Time tracking' });
  await time.getByText('Engineering', { exact: true }).click();
  await time.getByLabel('Minutes').fill('25');
  await time.getByRole('button', { name: 'Log' }).click();
  await expect(time.getByText('25 min').first()).toBeVisible();

  // A macro, previewed for this requester, then applied.
  await page.getByRole('button', { name: 'Apply macro' }).click();
  const dialog = page.getByRole('dialog', { name: 'Apply a macro' });
  await dialog
    .locator('input')
    .and(dialog.getByLabel(/^Macro/))
    .click();
  await page.getByRole('option', { name: macro }).click();
  await expect(dialog.getByLabel('Macro preview')).toHaveText('Hi Marta, could you record a HAR file of the login?');
  await expect(dialog.getByText('Status → Pending')).toBeVisible();
  await dialog.getByRole('button', { name: 'Apply macro' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('list', { name: 'Conversation' }).getByText('Hi Marta, could you record a HAR file')).toBeVisible();

  // Off script: the escalation summary carries the steps done.
  await panel.getByRole('button', { name: 'Off script: escalate' }).click();
  const escalate = page.getByRole('dialog', { name: /Escalate #/ });
  await expect(escalate.getByLabel('Summary of what was tried')).toHaveValue(/IdP metadata URL/);
  await expect(escalate.getByLabel('Summary of what was tried')).toHaveValue(/25/);
});
