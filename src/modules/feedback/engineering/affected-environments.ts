import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { errors } from '../../../kernel/errors.js';
import { createCampaign, getEnvironment, resolveScope } from '../../delivery/index.js';
import { ticketRefs } from '../../support/index.js';
import { findIssueRow, ticketLinksOf, type IssueRow } from './issue-repository.js';

/**
 * "Who is affected": the active environments of the issue's product that run a version before the
 * fix release, from delivery's environment registry, and an upgrade campaign to the fix release.
 * The product is the reproduction environment's, else that of the first linked ticket's environment.
 */

async function productOf(db: Kysely<Database>, row: IssueRow): Promise<string | null> {
  if (row.environment_id) {
    const env = await getEnvironment(db, row.environment_id).catch(() => null);
    if (env) return env.product;
  }
  const links = await ticketLinksOf(db, [row.id]);
  const tickets = await ticketRefs(
    db,
    links.map((l) => l.ticket_id),
  );
  for (const t of tickets.values()) {
    if (!t.deploymentId) continue;
    const env = await getEnvironment(db, t.deploymentId).catch(() => null);
    if (env) return env.product;
  }
  return null;
}

export async function affectedEnvironments(db: Kysely<Database>, issueId: string) {
  const row = await findIssueRow(db, issueId);
  if (!row) throw errors.engineeringIssueNotFound();
  const product = await productOf(db, row);
  const environments = product && row.fix_release ? await resolveScope(db, product, row.fix_release, { belowTarget: true }) : [];
  return {
    fixRelease: row.fix_release,
    product,
    environments: environments.map((e) => ({
      id: e.id,
      name: e.name,
      account: { id: e.account.id, name: e.account.name },
      version: e.version,
      product: e.product,
      hosting: e.hosting,
    })),
  };
}

/** Starts delivery's upgrade campaign to the fix release for every affected environment. */
export async function startFixCampaign(db: Kysely<Database>, ctx: ChangeContext, issueId: string, name?: string) {
  const row = await findIssueRow(db, issueId);
  if (!row) throw errors.engineeringIssueNotFound();
  if (!row.fix_release) throw errors.engineeringIssueNoFixRelease();
  const product = await productOf(db, row);
  if (!product) throw errors.referenceMissing('environment (the issue names no environment, so no product)', 'environmentId');
  const campaign = await createCampaign(db, ctx, {
    name: name ?? `Upgrade to ${row.fix_release} (fix for ${row.key})`,
    product,
    targetVersion: row.fix_release,
    description: `Environments affected by ${row.key}: ${row.title}`,
    filters: { belowTarget: true },
    windows: [],
  });
  return { campaignId: campaign.id, environmentCount: campaign.entries.length };
}
