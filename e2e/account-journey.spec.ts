import { expect, test } from '@playwright/test';
import { daysAgo, navigate, pick, signIn, signOut, unique } from './helpers.js';

test('an admin creates an account, adds a contact, logs interactions and watches the relationship deepen', async ({ page }) => {
  await signIn(page);

  // Create the account.
  await navigate(page, 'Accounts');
  await page.getByRole('button', { name: 'New account' }).click();
  const dialog = page.getByRole('dialog', { name: 'New account' });
  const name = unique('Journey Labs');
  const domain = `${name.toLowerCase().replace(/\s+/g, '-')}.example`;
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('E-mail domains').fill(domain);
  await dialog.getByLabel('E-mail domains').press('Enter');
  await pick(dialog, 'Segment', 'Enterprise');
  await dialog.getByRole('button', { name: 'Create account' }).click();

  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  await expect(page.getByText(domain)).toBeVisible();
  const depth = page.getByRole('region', { name: 'Relationship depth' });
  await expect(depth.getByText('Transactional')).toBeVisible();
  await expect(page.getByText('No interactions yet')).toBeVisible();

  // Add a contact.
  await page.getByRole('button', { name: 'Add contact' }).click();
  const contactDialog = page.getByRole('dialog', { name: 'Add contact' });
  await contactDialog.getByLabel('Name').fill('Dana Whitfield');
  await contactDialog.getByLabel('E-mail').fill(`dana@${domain}`);
  await contactDialog.getByLabel('Job title').fill('Head of Platform');
  await pick(contactDialog, 'Customer role', 'Champion');
  await contactDialog.getByRole('button', { name: 'Add contact' }).click();
  const contacts = page.getByRole('region', { name: 'Contacts' });
  await expect(contacts.getByRole('row', { name: /Dana Whitfield/ })).toContainText('Champion');

  // Log six interactions over six months, four of them deep: the default rules call that engaged.
  const timeline = page.getByRole('region', { name: 'Interactions' });
  const interactions = [
    { kind: 'Meeting', subject: 'Kick-off meeting', days: 150 },
    { kind: 'Call', subject: 'Follow-up call', days: 120 },
    { kind: 'Workshop', subject: 'Architecture workshop', days: 90 },
    { kind: 'Call', subject: 'Status call', days: 60 },
    { kind: 'Training', subject: 'Admin training', days: 30 },
    { kind: 'Business review', subject: 'Quarterly business review', days: 3 },
  ];
  for (const [index, interaction] of interactions.entries()) {
    await timeline.getByRole('button', { name: 'Log interaction' }).click();
    const logDialog = page.getByRole('dialog', { name: /Log an interaction/ });
    await pick(logDialog, 'Kind', interaction.kind);
    await logDialog.getByLabel('When').fill(daysAgo(interaction.days));
    await logDialog.getByLabel('Duration (minutes)').fill('45');
    await logDialog.getByLabel('Subject').fill(interaction.subject);
    if (index === 0) await logDialog.getByLabel('Notes').fill('Agreed the rollout plan and owners.');
    await pick(logDialog, 'Customer attendees', 'Dana Whitfield (Head of Platform)');
    await logDialog.getByLabel('Subject').click(); // closes the attendee dropdown
    await logDialog.getByRole('button', { name: 'Log interaction' }).click();
    await expect(logDialog).toBeHidden();
    await expect(timeline.getByText(interaction.subject)).toBeVisible();

    if (index === 0) {
      const entry = timeline.getByRole('listitem').filter({ hasText: 'Kick-off meeting' });
      await expect(entry.getByText('Agreed the rollout plan and owners.')).toBeVisible();
      await expect(entry.getByText('Dana Whitfield')).toBeVisible();
      await expect(entry.getByText('Avery Chen')).toBeVisible();
    }
    const expected = index < interactions.length - 1 ? 'Transactional' : 'Engaged';
    await expect(depth.getByText(expected, { exact: true })).toBeVisible();
  }

  // Newest first, and the evidence shows every criterion met.
  await expect(timeline.getByRole('listitem').first()).toContainText('Quarterly business review');
  await expect(depth.getByText('6 / 6')).toBeVisible();
  await expect(depth.getByText('4 / 3')).toBeVisible();

  // Deleting one drops it below the bar again.
  const statusCall = timeline.getByRole('listitem').filter({ hasText: 'Status call' });
  await statusCall.getByRole('button', { name: 'Delete “Status call”' }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(timeline.getByText('Status call')).toBeHidden();
  await expect(depth.getByText('Transactional', { exact: true })).toBeVisible();

  await signOut(page);
  await expect(page.getByRole('heading', { name: 'Sign in to Outpost' })).toBeVisible();
});
