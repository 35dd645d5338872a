import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { ChangeContext } from '../../kernel/actor.js';
import { createArticle, linkArticle } from '../../modules/support/index.js';

interface DemoArticle {
  title: string;
  productArea: string;
  tags: string[];
  visibility: 'internal' | 'public';
  status: 'draft' | 'published' | 'archived';
  /** The demo ticket subject this article solves (see demo-support.ts). */
  solves?: string;
  body: string;
}

const ARTICLES: DemoArticle[] = [
  {
    title: 'SSO sign-in loops back to the login page',
    productArea: 'Identity',
    tags: ['sso', 'login', 'saml'],
    visibility: 'public',
    status: 'published',
    solves: 'SSO login loops back to the sign-in page',
    body: `## Symptoms\n\nAfter the identity provider (IdP) redirect, users land on the sign-in page again instead of the workspace.\n\n## Cause\n\nThe SAML assertion arrives already expired. This happens when the IdP's clock is more than 3 minutes off, or when the assertion lifetime is set below 60 seconds.\n\n## Resolution\n\n1. Check the IdP server's clock against an NTP source and enable time sync.\n2. In the IdP, set the assertion validity to at least 5 minutes.\n3. Ask affected users to clear the \`outpost_sso\` cookie and sign in again.\n`,
  },
  {
    title: 'Nightly CSV export times out',
    productArea: 'Data export',
    tags: ['export', 'performance'],
    visibility: 'public',
    status: 'published',
    solves: 'Nightly export job times out',
    body: `## Symptoms\n\nThe scheduled CSV export fails after 30 minutes with a timeout.\n\n## Resolution\n\nLarge exports should be split by date range. Under **Settings → Exports**, turn on *Incremental export*: each run then exports only records changed since the previous run.\n\nIf a full export is needed, run it from the command line, which has no time limit:\n\n\`\`\`\noutpost export --format csv --out ./export.csv\n\`\`\`\n`,
  },
  {
    title: 'Handling HTTP 429 (rate limit) responses from the API',
    productArea: 'API',
    tags: ['api', 'rate-limit'],
    visibility: 'public',
    status: 'published',
    solves: 'API returns 429 during our batch sync',
    body: `The API allows 300 requests per minute per token. Above that it answers **429 Too Many Requests** with a \`Retry-After\` header.\n\n## What to do\n\n- Honour \`Retry-After\`: wait the number of seconds it gives before retrying.\n- Use exponential backoff with jitter for repeated 429s.\n- Batch writes: most list endpoints accept \`limit=200\`.\n- Use one token per integration so that one batch job does not starve another.\n`,
  },
  {
    title: 'Invoice seat count differs from active users',
    productArea: 'Billing',
    tags: ['billing'],
    visibility: 'public',
    status: 'published',
    solves: 'Invoice shows the wrong number of seats',
    body: `Invoices bill the **highest** number of seats assigned during the billing period, not the number active on the invoice date.\n\nTo reduce the next invoice, remove seats (not only deactivate users) under **Admin → Billing → Seats** before the period ends. Credits for past periods are handled by the account team.\n`,
  },
  {
    title: 'Dashboards empty after upgrading to 4.2',
    productArea: 'Analytics',
    tags: ['upgrade', 'dashboards'],
    visibility: 'public',
    status: 'published',
    solves: 'Dashboard charts are empty after upgrade',
    body: `## Cause\n\nVersion 4.2 moves analytics to a new schema. Until the background re-aggregation finishes, dashboards render without data.\n\n## Resolution\n\nWait for the *Re-aggregating analytics* job to finish (Admin → Jobs). On self-hosted installs, make sure the worker process is running: \`outpost worker --queues analytics\`.\n`,
  },
  {
    title: 'Giving admin rights to a colleague',
    productArea: 'Administration',
    tags: ['how-to', 'admin'],
    visibility: 'public',
    status: 'published',
    solves: 'How do I add a new admin?',
    body: `1. Sign in as an existing admin.\n2. Open **Admin → Members** and pick the colleague.\n3. Add the **Admin** role and save.\n\nIf no admin is left, contact support from the account's registered billing contact address; we verify ownership before granting access.\n`,
  },
  {
    title: 'Webhook deliveries fail with "unable to verify the first certificate"',
    productArea: 'Integrations',
    tags: ['webhooks', 'tls'],
    visibility: 'public',
    status: 'published',
    solves: 'Webhook deliveries fail with certificate error',
    body: `Your endpoint serves its certificate without the intermediate certificate(s). Browsers often fill the gap; our webhook client does not.\n\n## Fix\n\nConfigure the web server to send the **full chain** (leaf + intermediates). For nginx, point \`ssl_certificate\` at the \`fullchain.pem\` file, not \`cert.pem\`.\n\nCheck with:\n\n\`\`\`\nopenssl s_client -connect hooks.example.com:443 -showcerts\n\`\`\`\n`,
  },
  {
    title: 'Password reset e-mails are not arriving',
    productArea: 'Identity',
    tags: ['email', 'login'],
    visibility: 'internal',
    status: 'published',
    solves: 'Password reset e-mails not arriving',
    body: `## Checklist\n\n1. Look the address up in the outbound mail log (Admin → E-mail → Outbox). A *bounced* status names the reason.\n2. If the customer's mail gateway quarantines us, ask their IT to allow-list our sending domain and DKIM selector \`outpost1\`.\n3. For SSO-only workspaces, password reset is disabled by design — point the user to their IdP.\n\nInternal: the SES suppression list can be cleared by Tier 2 from the ops console.\n`,
  },
  {
    title: 'Search is slow in very large projects',
    productArea: 'Search',
    tags: ['search', 'performance'],
    visibility: 'internal',
    status: 'published',
    solves: 'Search is very slow for large projects',
    body: `Projects above 50k items on the legacy index take 10–30 s per search.\n\n## Workaround\n\nRebuild the project's index on the new engine: \`outpost search reindex\`. Searches drop to well under a second.\n\nEscalate to Tier 2 if it is still slow after the rebuild, with the project id and the slow query.\n`,
  },
  {
    title: 'Data import stops at row 10,000',
    productArea: 'Data import',
    tags: ['import', 'data-migration'],
    visibility: 'public',
    status: 'draft',
    solves: 'Data import stops at row 10,000',
    body: `## Problem\n\nThe web importer reads at most 10,000 rows per file.\n\n## Resolution\n\nSplit the file into parts of 10,000 rows, or use the command-line importer which has no limit.\n\n_Draft: confirm the CLI flags with engineering before publishing._\n`,
  },
  {
    title: 'Escalating a case to engineering: what to include',
    productArea: 'Support process',
    tags: ['escalation', 'process'],
    visibility: 'internal',
    status: 'published',
    body: `Before moving a case to the engineering tier:\n\n- Reproduce it, or say why you could not.\n- Attach logs covering the time of the failure (UTC timestamps).\n- Name the customer's version and deployment (cloud / self-hosted).\n- Link the engineering issue; escalation to engineering requires it.\n- Summarise what was tried so nobody repeats it.\n`,
  },
  {
    title: 'Legacy LDAP connector setup (pre-4.0)',
    productArea: 'Identity',
    tags: ['ldap', 'legacy'],
    visibility: 'public',
    status: 'archived',
    body: `This connector was replaced by SCIM provisioning in 4.0. Kept for customers on 3.x.\n\nConfigure the bind DN, base DN and the user filter \`(objectClass=person)\` under Admin → Directory.\n`,
  },
];

/**
 * A dozen knowledge-base articles — most published, a few internal, one draft, one archived —
 * linked to the demo tickets they solve, so article usage counts mean something in the demo.
 */
export async function seedDemoKnowledge(db: Kysely<Database>, authors: string[]): Promise<number> {
  const tickets = await db.selectFrom('tickets').select(['id', 'subject', 'status']).orderBy('number').execute();
  for (const [i, demo] of ARTICLES.entries()) {
    const memberId = authors[i % authors.length] ?? null;
    const ctx: ChangeContext = { actorType: memberId ? 'member' : 'system', actorId: memberId, memberId, ip: null };
    const source = demo.solves ? tickets.find((t) => t.subject === demo.solves && t.status === 'solved') : undefined;
    const article = await createArticle(db, ctx, {
      title: demo.title,
      body: demo.body,
      visibility: demo.visibility,
      productArea: demo.productArea,
      tags: demo.tags,
      status: demo.status,
      sourceTicketId: source?.id ?? null,
    });
    if (!demo.solves) continue;
    // Every case with this problem used the article; the solved ones were solved by it.
    for (const ticket of tickets.filter((t) => t.subject === demo.solves)) {
      await linkArticle(db, ctx, ticket.id, { articleId: article.id, solved: ticket.status === 'solved' || ticket.status === 'closed' });
    }
  }
  return ARTICLES.length;
}
