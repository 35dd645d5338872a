import { z } from 'zod';
import { SEGMENTS } from '../../accounts/contract/kinds.js';
import { pageQuery } from '../../../kernel/contract/page.js';
import { parseConfiguration } from './configuration.js';
import { CAMPAIGN_STATUSES, DEPLOYMENT_STATUSES, HOSTING_KINDS, UPGRADE_STATES } from './kinds.js';
import { isVersion } from './versions.js';

const isoDate = z.iso.date('Use a date as YYYY-MM-DD');
const isoTime = z.iso.datetime({ offset: true, message: 'Use an ISO-8601 time such as 2026-03-02T22:00:00Z' });
const id = z.string().max(64);
const named = (what: string) => z.object({ id: z.string(), name: z.string() }).describe(what);

export const product = z.string().trim().min(1, 'Name the product').max(100);
export const version = z
  .string()
  .trim()
  .max(40)
  .refine(
    isVersion,
    'Write the version as numbers separated by dots, such as 5.2 or 5.2.1 (a pre-release may follow a hyphen: 5.3.0-rc.1)',
  );

/**
 * A configuration as the editor sends it (JSON text) or as an API client would (an object); either
 * way it must be a JSON object, and the message says what is wrong with the text.
 */
export const configuration = z
  .unknown()
  .transform((value, ctx): Record<string, unknown> => {
    if (typeof value === 'string') {
      if (value.length > 200_000) {
        ctx.addIssue({ code: 'custom', message: 'The configuration is too large (at most 200,000 characters)' });
        return z.NEVER;
      }
      const parsed = parseConfiguration(value);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.message });
        return z.NEVER;
      }
      return parsed.value;
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    ctx.addIssue({ code: 'custom', message: 'The configuration must be a JSON object ({ … }) or its JSON text' });
    return z.NEVER;
  })
  .describe('A JSON object, or its JSON text');

// --- Releases ---------------------------------------------------------------------------------

export const releaseSchema = z.object({
  id: z.string(),
  product: z.string(),
  version: z.string(),
  releasedOn: z.string(),
  notes: z.string(),
  supported: z.boolean().describe('False once the release is end-of-life'),
  latest: z.boolean().describe('The newest release of its product'),
  environmentCount: z.number().describe('Active environments running it'),
});
export type Release = z.infer<typeof releaseSchema>;

export const releaseListQuery = z.object({ product: z.string().trim().max(100).optional() });

export const createReleaseBody = z.strictObject({
  product,
  version,
  releasedOn: isoDate,
  notes: z.string().max(50_000).default(''),
  supported: z.boolean().default(true),
});
export type CreateReleaseInput = z.infer<typeof createReleaseBody>;

export const updateReleaseBody = z.strictObject({
  releasedOn: isoDate.optional(),
  notes: z.string().max(50_000).optional(),
  supported: z.boolean().optional(),
});
export type UpdateReleaseInput = z.infer<typeof updateReleaseBody>;

// --- Environments -----------------------------------------------------------------------------

const accountRef = z.object({ id: z.string(), name: z.string(), segment: z.enum(SEGMENTS) });

export const environmentSummarySchema = z.object({
  id: z.string(),
  account: accountRef,
  name: z.string(),
  product: z.string(),
  version: z.string(),
  hosting: z.enum(HOSTING_KINDS),
  region: z.string().nullable(),
  status: z.enum(DEPLOYMENT_STATUSES),
  latestVersion: z.string().nullable().describe('The newest release of the product in the catalogue'),
  versionsBehind: z.number().describe('Catalogue releases of the product newer than this environment’s version'),
  versionSupported: z.boolean().describe('False when the environment runs an end-of-life release'),
  lastUpgradedAt: z.string().nullable(),
  configVersion: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EnvironmentSummary = z.infer<typeof environmentSummarySchema>;

export const customisationSchema = z.object({
  id: z.string(),
  title: z.string(),
  reason: z.string().nullable(),
  owner: named('The member who owns it').nullable(),
  repositoryUrl: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Customisation = z.infer<typeof customisationSchema>;

export const environmentCampaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  targetVersion: z.string(),
  campaignStatus: z.enum(CAMPAIGN_STATUSES),
  state: z.enum(UPGRADE_STATES),
  fromVersion: z.string(),
  ticketId: z.string().nullable(),
  updatedAt: z.string(),
});

export const environmentSchema = environmentSummarySchema.extend({
  configuration: z.record(z.string(), z.unknown()),
  contacts: z.array(z.object({ id: z.string(), name: z.string(), email: z.string(), title: z.string().nullable() })),
  customisations: z.array(customisationSchema),
  campaigns: z.array(environmentCampaignSchema),
  createdBy: named('Who registered it').nullable(),
});
export type Environment = z.infer<typeof environmentSchema>;

export const createEnvironmentBody = z.strictObject({
  name: z.string().trim().min(1, 'Name the environment (production, staging, …)').max(100),
  product,
  version,
  hosting: z.enum(HOSTING_KINDS, 'Hosting is "cloud", "on_premises" or "hybrid"'),
  region: z.string().trim().max(100).nullish(),
  configuration: configuration.optional(),
  contactIds: z.array(id).max(20).default([]).describe('The account’s contacts responsible for it, first is the main one'),
});
export type CreateEnvironmentInput = z.infer<typeof createEnvironmentBody>;

export const updateEnvironmentBody = z.strictObject({
  name: z.string().trim().min(1, 'Name the environment (production, staging, …)').max(100).optional(),
  version: version.optional().describe('A correction, or an upgrade done outside a campaign'),
  hosting: z.enum(HOSTING_KINDS, 'Hosting is "cloud", "on_premises" or "hybrid"').optional(),
  region: z.string().trim().max(100).nullish(),
  status: z.enum(DEPLOYMENT_STATUSES).optional(),
  contactIds: z.array(id).max(20).optional(),
});
export type UpdateEnvironmentInput = z.infer<typeof updateEnvironmentBody>;

export const configurationBody = z.strictObject({
  configuration,
  note: z.string().trim().max(1000).optional().describe('Why it changed'),
});

export const configChangeSchema = z.object({
  path: z.string(),
  kind: z.enum(['added', 'removed', 'changed']),
  before: z.unknown(),
  after: z.unknown(),
});

export const configVersionSchema = z.object({
  version: z.number(),
  configuration: z.record(z.string(), z.unknown()),
  note: z.string().nullable(),
  changedBy: named('Who saved it').nullable(),
  changedAt: z.string(),
  changes: z.array(configChangeSchema).describe('Against the version before (everything is "added" in the first)'),
});
export type ConfigVersion = z.infer<typeof configVersionSchema>;

const repositoryUrl = z.url({ protocol: /^https?$/, message: 'Link the code repository with a full http(s) URL' }).max(1000);

export const customisationBody = z.strictObject({
  title: z.string().trim().min(1, 'Say what was customised').max(300),
  reason: z.string().trim().max(5000).nullish(),
  ownerId: id.nullish(),
  repositoryUrl: repositoryUrl.nullish(),
});
export type CustomisationInput = z.infer<typeof customisationBody>;

export const updateCustomisationBody = customisationBody.partial();

const csv = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z
    .string()
    .max(500)
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values, `${label} are ${values.join(', ')}`)))
    .optional();

export const environmentListQuery = z.object({
  product: z.string().trim().max(100).optional(),
  accountId: id.optional(),
  segments: csv(SEGMENTS, 'Segments').describe('Comma-separated'),
  hosting: csv(HOSTING_KINDS, 'Hosting kinds').describe('Comma-separated'),
  name: z.string().trim().max(100).optional().describe('Environment name, such as production (case-insensitive)'),
  minBehind: z.coerce.number().int().min(0).max(1000).optional().describe('Only environments at least this many versions behind'),
  status: z.enum([...DEPLOYMENT_STATUSES, 'all']).default('active'),
});
export type EnvironmentListQuery = z.infer<typeof environmentListQuery>;

/** The filters with a page: environments a page for the list, accounts a page for the matrix. */
export const environmentPageQuery = environmentListQuery.extend(pageQuery);
export type EnvironmentPageQuery = z.infer<typeof environmentPageQuery>;

export const matrixSchema = z.object({
  products: z.array(z.string()).describe('Every product in the catalogue'),
  product: z.string().nullable().describe('The product shown'),
  releases: z.array(releaseSchema).describe('Its releases, newest first: the columns'),
  rows: z.array(z.object({ account: accountRef, environments: z.array(environmentSummarySchema) })).describe('A page of accounts, by name'),
  nextCursor: z.string().nullable().describe('The next page of accounts; the totals already cover every page'),
  totals: z.object({
    accounts: z.number(),
    environments: z.number(),
    current: z.number().describe('0 behind'),
    slightlyBehind: z.number().describe('1–2 behind'),
    farBehind: z.number().describe('3 or more behind'),
    byVersion: z.record(z.string(), z.number()),
  }),
});

// --- Campaigns --------------------------------------------------------------------------------

export const scopeFilters = z.strictObject({
  segments: z.array(z.enum(SEGMENTS)).max(4).optional(),
  hosting: z.array(z.enum(HOSTING_KINDS)).max(3).optional(),
  names: z.array(z.string().trim().min(1).max(100)).max(20).optional().describe('Environment names, such as ["production"]'),
  accountIds: z.array(id).max(500).optional(),
  belowTarget: z.boolean().default(true).describe('Only environments on a version older than the target'),
});
export type ScopeFilters = z.infer<typeof scopeFilters>;

const windowBody = z
  .strictObject({ startsAt: isoTime, endsAt: isoTime, note: z.string().trim().max(500).nullish() })
  .refine((w) => Date.parse(w.endsAt) > Date.parse(w.startsAt), {
    message: 'A maintenance window must end after it starts',
    path: ['endsAt'],
  });
export type WindowInput = z.infer<typeof windowBody>;

export const createCampaignBody = z.strictObject({
  name: z.string().trim().min(1, 'Name the campaign').max(200),
  product,
  targetVersion: version,
  ownerId: id.nullish(),
  description: z.string().trim().max(10_000).nullish(),
  filters: scopeFilters.default({ belowTarget: true }),
  windows: z.array(windowBody).max(50).default([]),
});
export type CreateCampaignInput = z.infer<typeof createCampaignBody>;

export const updateCampaignBody = z.strictObject({
  name: z.string().trim().min(1, 'Name the campaign').max(200).optional(),
  ownerId: id.nullish(),
  description: z.string().trim().max(10_000).nullish(),
  status: z.enum(CAMPAIGN_STATUSES).optional(),
});
export type UpdateCampaignInput = z.infer<typeof updateCampaignBody>;

export const windowsBody = z.strictObject({ windows: z.array(windowBody).max(50) });

export const addEnvironmentsBody = z
  .strictObject({
    deploymentIds: z.array(id).max(500).optional().describe('These environments'),
    filters: scopeFilters.optional().describe('Or every environment these filters find'),
  })
  .refine((b) => b.deploymentIds || b.filters, {
    message: 'Name the environments (deploymentIds) or give filters',
    path: ['deploymentIds'],
  });
export type AddEnvironmentsInput = z.infer<typeof addEnvironmentsBody>;

export const stateChangeBody = z.strictObject({
  state: z.enum(UPGRADE_STATES, `The state is one of ${UPGRADE_STATES.join(', ')}`),
  note: z.string().trim().max(5000).nullish(),
});
export type StateChangeInput = z.infer<typeof stateChangeBody>;

export const scopePreviewQuery = z.object({
  product,
  targetVersion: version,
  segments: csv(SEGMENTS, 'Segments'),
  hosting: csv(HOSTING_KINDS, 'Hosting kinds'),
  names: z
    .string()
    .max(500)
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .optional(),
  belowTarget: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

export const progressSchema = z.object({
  total: z.number(),
  byState: z.record(z.enum(UPGRADE_STATES), z.number()),
  percentDone: z.number().describe('Done environments as a whole percentage of those in scope'),
});
export type Progress = z.infer<typeof progressSchema>;

export const windowSchema = z.object({ id: z.string(), startsAt: z.string(), endsAt: z.string(), note: z.string().nullable() });

export const campaignSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  product: z.string(),
  targetVersion: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  description: z.string().nullable(),
  owner: named('Who runs it').nullable(),
  filters: z.record(z.string(), z.unknown()),
  windows: z.array(windowSchema),
  progress: progressSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;

export const campaignEventSchema = z.object({
  fromState: z.enum(UPGRADE_STATES).nullable(),
  toState: z.enum(UPGRADE_STATES),
  note: z.string().nullable(),
  ticketId: z.string().nullable(),
  actor: named('Who changed it').nullable(),
  at: z.string(),
});

export const campaignEntrySchema = z.object({
  environment: environmentSummarySchema,
  state: z.enum(UPGRADE_STATES),
  fromVersion: z.string(),
  note: z.string().nullable(),
  ticket: z.object({ id: z.string(), number: z.number(), subject: z.string(), status: z.string() }).nullable(),
  updatedBy: named('Who changed it last').nullable(),
  updatedAt: z.string(),
  history: z.array(campaignEventSchema),
});
export type CampaignEntry = z.infer<typeof campaignEntrySchema>;

export const campaignSchema = campaignSummarySchema.extend({ entries: z.array(campaignEntrySchema) });
export type Campaign = z.infer<typeof campaignSchema>;

export const scopePreviewSchema = z.object({
  count: z.number(),
  environments: z.array(environmentSummarySchema).describe('The first 100'),
});
export type ScopePreview = z.infer<typeof scopePreviewSchema>;

/** A campaign after environments were added to it, with how many were new. */
export const campaignAddedSchema = campaignSchema.extend({ added: z.number() });
export type CampaignAdded = z.infer<typeof campaignAddedSchema>;

export const campaignListQuery = z.object({
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  product: z.string().trim().max(100).optional(),
  ...pageQuery,
});
