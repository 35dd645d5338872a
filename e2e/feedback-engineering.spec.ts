import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { apiGet, createTicketViaApi, pick, signIn, unique } from './helpers.js';

interface EnvironmentSummary {
  id: string;
  name: string;
  product: string;
  version: string;
  latestVersion: string | null;
  account: { id: string; name: string };
}

const WEBHOOK_SECRET = 'e2e-github-webhook-secret';
const REPO = 'acme/relay';

/**
 * GitHub's "create an issue" endpoint on a loopback port: the workbench creates the tracker issue
 * here when the engineer escalates. Numbers are unique per run so both databases and retries get
 * fresh keys.
 */
async function fakeGithub() {
  let next = Number(Date.now().toString().slice(-6));
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const ok = req.method === 'POST' && req.url === `/repos/${REPO}/issues` && req.headers.authorization === 'Bearer e2e-token';
      const body = ok ? (JSON.parse(raw) as { title?: string }) : {};
      if (!ok || typeof body.title !== 'string') return res.writeHead(422).end('{"message":"Validation Failed"}');
      const number = next++;
      res
        .writeHead(201, { 'content-type': 'application/json' })
        .end(JSON.stringify({ number, html_url: `https://github.com/${REPO}/issues/${number}`, title: body.title }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

async function csrf(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string }).csrfToken;
}

async function putTrackers(page: Page, body: unknown) {
  const res = await page.request.put('/api/engineering-trackers', { data: body, headers: { 'x-csrf-token': await csrf(page) } });
  expect(res.status(), await res.text()).toBe(200);
}

test('escalating a ticket to engineering creates the issue with its environment; a signed GitHub webhook ships the fix to the ticket', async ({
  page,
}) => {
  const github = await fakeGithub();
  await signIn(page);
  await putTrackers(page, {
    defaultTracker: 'github',
    github: { apiUrl: github.url, repo: REPO, token: 'e2e-token', webhookSecret: WEBHOOK_SECRET },
  });
  try {
    // A production environment a release behind, and a case about it.
    const envs = await apiGet<{ items: EnvironmentSummary[] }>(page, '/api/environments?name=production&minBehind=1&limit=20');
    const env = envs.items[0]!;
    const fixRelease = env.latestVersion!;
    const contacts = await apiGet<{ items: { email: string }[] }>(page, `/api/accounts/${env.account.id}/contacts`);
    const subject = unique('Export times out on large projects');
    const ticket = await createTicketViaApi(page, {
      subject,
      description: 'Open a project with 10k rows, click Export: it spins, then fails after 60 s.',
      requesterEmail: contacts.items[0]!.email,
    });
    const patched = await page.request.patch(`/api/tickets/${ticket.id}`, {
      data: { deploymentId: env.id },
      headers: { 'x-csrf-token': await csrf(page) },
    });
    expect(patched.status()).toBe(200);

    // Escalate to engineering from the ticket page: the issue is prefilled from the ticket.
    await page.goto(`/tickets/${ticket.id}`);
    await page.getByRole('button', { name: 'Escalate', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await pick(dialog, 'Escalate to', 'Engineering');
    await expect(dialog.getByLabel(/^Issue title/)).toHaveValue(subject);
    await dialog.getByLabel(/^Expected/).fill('A CSV file downloads');
    await dialog.getByLabel(/^Actual/).fill('Timeout after 60 s');
    await dialog.getByLabel(/^Reason/).fill('Needs a code fix in the exporter');
    await dialog.getByRole('button', { name: 'Escalate to Engineering' }).click();
    await expect(dialog).toBeHidden();

    const card = page.getByRole('region', { name: 'Engineering issues' });
    const keyLink = card.getByRole('link', { name: new RegExp(`^${REPO}#\\d+$`) });
    await expect(keyLink).toBeVisible();
    const key = (await keyLink.textContent())!;

    // The issue page shows the reproduction with the environment filled in.
    await keyLink.click();
    await expect(page).toHaveURL(/\/engineering-issues\//);
    const repro = page.getByRole('region', { name: 'Reproduction' });
    await expect(repro.getByText(`${env.account.name} · ${env.name}`)).toBeVisible();
    await expect(repro.getByText(`${env.product} ${env.version}`, { exact: false })).toBeVisible();
    await expect(repro.getByText('Timeout after 60 s')).toBeVisible();
    await expect(page.getByRole('link', { name: /Open in GitHub/ })).toHaveAttribute(
      'href',
      `https://github.com/${key.replace('#', '/issues/')}`,
    );

    // GitHub closes the issue with the fix release as its milestone: a signed webhook, sent twice.
    const payload = JSON.stringify({
      action: 'closed',
      issue: {
        number: Number(key.split('#')[1]),
        title: subject,
        state: 'closed',
        state_reason: 'completed',
        milestone: { title: fixRelease },
      },
      repository: { full_name: REPO },
    });
    const delivery = `e2e-${Date.now()}`;
    const send = (signature: string) =>
      page.request.post('/api/engineering-trackers/github/webhook', {
        data: payload,
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'issues',
          'x-github-delivery': delivery,
          'x-hub-signature-256': signature,
        },
      });
    expect((await send('sha256=0000')).status()).toBe(401);
    const signature = `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(payload).digest('hex')}`;
    expect(await (await send(signature)).json()).toMatchObject({ outcome: 'updated' });
    expect(await (await send(signature)).json()).toMatchObject({ outcome: 'duplicate' });

    // Who is affected lists the environment on the older version.
    await page.reload();
    await expect(
      page.getByRole('region', { name: 'Who is affected' }).getByRole('link', { name: `${env.account.name} · ${env.name}` }),
    ).toBeVisible();

    // The ticket shows the internal note once and the drafted reply, at desktop and phone widths.
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      await page.goto(`/tickets/${ticket.id}`);
      await expect(page.getByText(`is fixed in release ${fixRelease}`)).toHaveCount(1);
      const draft = page.getByRole('alert', { name: 'Drafted reply' }).or(page.getByLabel('Drafted reply'));
      await expect(draft.first()).toBeVisible();
      await expect(draft.first().getByRole('button', { name: 'Send' })).toBeVisible();
      await expect(draft.first().getByRole('button', { name: 'Discard' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Engineering issues' }).getByText(`Fix release ${fixRelease}`)).toBeVisible();
    }
    await page.getByRole('button', { name: 'Send' }).first().click();
    await expect(page.getByLabel('Drafted reply')).toHaveCount(0);
  } finally {
    // Other specs create engineering issues in Outpost; leave the tracker set-up as it was.
    await putTrackers(page, { defaultTracker: 'outpost', github: null });
    await github.close();
  }
});
