import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { recordAudit } from '../../../kernel/audit.js';
import { readSetting, writeSetting } from '../../../kernel/settings.js';
import { inTransaction } from '../../../kernel/transaction.js';
import type { SecretBox } from '../../platform/index.js';
import type { TrackerSettings, TrackerSettingsInput } from '../contract/engineering.js';
import type { IssueTracker } from '../contract/kinds.js';

/**
 * The tracker set-up (GitHub, Jira) kept in the settings table. Tokens and webhook secrets are
 * sealed with the platform's secret box and never leave the server: the API says only whether one
 * is stored.
 */

const KEY = 'feedback.trackers';

export interface StoredTrackers {
  defaultTracker: IssueTracker;
  autoSendFixReplies: boolean;
  github: { apiUrl: string; repo: string; tokenSealed: string | null; webhookSecretSealed: string | null } | null;
  jira: { baseUrl: string; projectKey: string; email: string; apiTokenSealed: string | null; webhookSecretSealed: string | null } | null;
}

const EMPTY: StoredTrackers = { defaultTracker: 'outpost', autoSendFixReplies: false, github: null, jira: null };

// The server hands its secret box in when the routes are registered (buildServer owns the key);
// services that create issues (this area's and UAT's) then seal and open with the same box.
let secretBox: SecretBox | null = null;

export function useTrackerSecretBox(box: SecretBox): void {
  secretBox = box;
}

function box(): SecretBox {
  if (!secretBox) throw new Error('The tracker secret box is not set: register the feedback plugin first');
  return secretBox;
}

export function openSecret(sealed: string | null): string | null {
  return sealed ? box().open(sealed) : null;
}

export async function readTrackers(db: Kysely<Database>): Promise<StoredTrackers> {
  return { ...EMPTY, ...(await readSetting<Partial<StoredTrackers>>(db, KEY, {})) };
}

export function trackerSettingsView(s: StoredTrackers): TrackerSettings {
  return {
    defaultTracker: s.defaultTracker,
    autoSendFixReplies: s.autoSendFixReplies,
    github: s.github
      ? { apiUrl: s.github.apiUrl, repo: s.github.repo, hasToken: !!s.github.tokenSealed, hasWebhookSecret: !!s.github.webhookSecretSealed }
      : null,
    jira: s.jira
      ? {
          baseUrl: s.jira.baseUrl,
          projectKey: s.jira.projectKey,
          email: s.jira.email,
          hasApiToken: !!s.jira.apiTokenSealed,
          hasWebhookSecret: !!s.jira.webhookSecretSealed,
        }
      : null,
  };
}

/** Saves the set-up; a secret left out keeps its stored value, `github: null` removes GitHub. */
export async function saveTrackerSettings(db: Kysely<Database>, ctx: ChangeContext, input: TrackerSettingsInput): Promise<TrackerSettings> {
  return inTransaction(db, async (trx) => {
    const before = await readTrackers(trx);
    const seal = (plain: string | undefined, kept: string | null | undefined) => (plain ? box().seal(plain) : (kept ?? null));
    const next: StoredTrackers = {
      defaultTracker: input.defaultTracker ?? before.defaultTracker,
      autoSendFixReplies: input.autoSendFixReplies ?? before.autoSendFixReplies,
      github:
        input.github === undefined
          ? before.github
          : input.github === null
            ? null
            : {
                apiUrl: (input.github.apiUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
                repo: input.github.repo,
                tokenSealed: seal(input.github.token, before.github?.tokenSealed),
                webhookSecretSealed: seal(input.github.webhookSecret, before.github?.webhookSecretSealed),
              },
      jira:
        input.jira === undefined
          ? before.jira
          : input.jira === null
            ? null
            : {
                baseUrl: input.jira.baseUrl.replace(/\/+$/, ''),
                projectKey: input.jira.projectKey,
                email: input.jira.email,
                apiTokenSealed: seal(input.jira.apiToken, before.jira?.apiTokenSealed),
                webhookSecretSealed: seal(input.jira.webhookSecret, before.jira?.webhookSecretSealed),
              },
    };
    await writeSetting(trx, KEY, next);
    // The audit entry compares what a reader may see: secrets appear only as "stored or not".
    const [a, b] = [trackerSettingsView(before), trackerSettingsView(next)];
    await recordAudit(trx, ctx, {
      action: 'trackers.configured',
      recordType: 'settings',
      recordId: KEY,
      changes: JSON.stringify(a) === JSON.stringify(b) ? {} : { trackers: [a, b] },
    });
    return b;
  });
}

/** GitHub's API target, when GitHub is set up with a token. */
export function githubTarget(s: StoredTrackers): { apiUrl: string; repo: string; token: string } | null {
  const token = openSecret(s.github?.tokenSealed ?? null);
  return s.github && token ? { apiUrl: s.github.apiUrl, repo: s.github.repo, token } : null;
}

/** Jira's API target, when Jira is set up with an API token. */
export function jiraTarget(s: StoredTrackers): { baseUrl: string; projectKey: string; email: string; apiToken: string } | null {
  const apiToken = openSecret(s.jira?.apiTokenSealed ?? null);
  return s.jira && apiToken ? { baseUrl: s.jira.baseUrl, projectKey: s.jira.projectKey, email: s.jira.email, apiToken } : null;
}
