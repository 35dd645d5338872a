import { z } from 'zod';
import { pageQuery, pageSchema } from '../../../kernel/contract/page.js';
import { SEGMENTS } from '../../accounts/contract/kinds.js';

/**
 * Collateral (issue 16): case studies, whitepapers, solution guides and the like, each a file with
 * versions (the newest is current), tags and a product area; and every time a version was sent
 * for an opportunity. An item is created with its first file in one multipart request (field
 * "file" and a field "metadata" holding the JSON below); later versions are multipart uploads of
 * their own. Shared with the web app.
 */

export const COLLATERAL_KINDS = ['case_study', 'whitepaper', 'solution_guide', 'datasheet', 'presentation', 'other'] as const;
export type CollateralKind = (typeof COLLATERAL_KINDS)[number];
export const COLLATERAL_KIND_LABELS: Record<CollateralKind, string> = {
  case_study: 'Case study',
  whitepaper: 'Whitepaper',
  solution_guide: 'Solution guide',
  datasheet: 'Datasheet',
  presentation: 'Presentation',
  other: 'Other',
};

export const COLLATERAL_STATUSES = ['current', 'archived'] as const;
export type CollateralStatus = (typeof COLLATERAL_STATUSES)[number];

/** The list's orders: recently changed first, by title, or most sent first. */
export const COLLATERAL_SORTS = ['updated', 'title', 'most_sent'] as const;

/** The files collateral may be, by extension (the upload's first bytes must prove it). */
export const COLLATERAL_FILE_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  md: 'text/markdown',
  markdown: 'text/markdown',
  txt: 'text/plain',
} as const;
export type CollateralExtension = keyof typeof COLLATERAL_FILE_TYPES;

/** The multipart fields: the file, and for a new item its metadata as JSON. */
export const COLLATERAL_FILE_FIELD = 'file';
export const COLLATERAL_METADATA_FIELD = 'metadata';
export const COLLATERAL_NOTE_FIELD = 'note';

// No control characters: tags and names end up in JSON columns, file names and headers.
// eslint-disable-next-line no-control-regex
const noControl = (s: string) => !/[\u0000-\u001f\u007f]/.test(s);
const label = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `A ${what} cannot be empty`)
    .max(max, `A ${what} has at most ${max} characters`)
    .refine(noControl, `A ${what} cannot contain control characters`);

const note = z.string().trim().max(2000, 'A note has at most 2,000 characters').nullable();

const itemFields = {
  title: label(200, 'title'),
  kind: z.enum(COLLATERAL_KINDS),
  productArea: z
    .string()
    .trim()
    .max(80, 'A product area has at most 80 characters')
    .refine(noControl, 'A product area cannot contain control characters')
    .nullable()
    .transform((v) => v || null),
  tags: z.array(label(40, 'tag')).max(20, 'At most 20 tags'),
  description: z.string().trim().max(5000, 'A description has at most 5,000 characters'),
  ownerId: z.string().max(64).nullable().describe('The member who keeps it up to date; the uploader when left out'),
  industries: z.array(label(60, 'industry')).max(20, 'At most 20 industries').describe('Industries it suits (optional)'),
  segments: z.array(z.enum(SEGMENTS)).max(SEGMENTS.length).describe('Account segments it suits (optional)'),
};

/** The "metadata" field of the multipart request that creates an item with its first file. */
export const createCollateralMetadata = z.strictObject({
  title: itemFields.title,
  kind: itemFields.kind,
  productArea: itemFields.productArea.default(null),
  tags: itemFields.tags.default([]),
  description: itemFields.description.default(''),
  ownerId: itemFields.ownerId.optional(),
  industries: itemFields.industries.default([]),
  segments: itemFields.segments.default([]),
  note: note.default(null).describe('What this first version is'),
});
export type CreateCollateralInput = z.input<typeof createCollateralMetadata>;

/** The optional "note" field of a new version's multipart upload. */
export const collateralVersionFields = z.strictObject({ note: note.optional() });

export const updateCollateralBody = z
  .strictObject({
    title: itemFields.title.optional(),
    kind: itemFields.kind.optional(),
    productArea: itemFields.productArea.optional(),
    tags: itemFields.tags.optional(),
    description: itemFields.description.optional(),
    ownerId: itemFields.ownerId.optional(),
    industries: itemFields.industries.optional(),
    segments: itemFields.segments.optional(),
    status: z.enum(COLLATERAL_STATUSES).optional().describe('archived: kept with its history, no longer offered for sending'),
  })
  .refine((b) => Object.keys(b).length > 0, 'Change at least one field');
export type UpdateCollateralInput = z.input<typeof updateCollateralBody>;

export const collateralListQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Words in the title, description or tags'),
  kind: z.enum(COLLATERAL_KINDS).optional(),
  productArea: z.string().trim().max(80).optional(),
  tag: z.string().trim().max(40).optional(),
  status: z.enum([...COLLATERAL_STATUSES, 'all']).default('current'),
  sort: z.enum(COLLATERAL_SORTS).default('updated'),
  ...pageQuery,
});
export type CollateralListQuery = z.input<typeof collateralListQuery>;

const ref = z.object({ id: z.string(), name: z.string() });

export const collateralVersionSchema = z.object({
  id: z.string(),
  itemId: z.string(),
  number: z.number().int(),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  note: z.string().nullable(),
  uploadedBy: ref.nullable(),
  uploadedAt: z.string(),
  /** How often this version was sent. */
  sendCount: z.number().int(),
  downloadUrl: z.string(),
});
export type CollateralVersion = z.infer<typeof collateralVersionSchema>;

export const collateralItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(COLLATERAL_KINDS),
  productArea: z.string().nullable(),
  tags: z.array(z.string()),
  description: z.string(),
  industries: z.array(z.string()),
  segments: z.array(z.enum(SEGMENTS)),
  status: z.enum(COLLATERAL_STATUSES),
  owner: ref.nullable(),
  currentVersion: collateralVersionSchema.omit({ sendCount: true }).nullable(),
  versionCount: z.number().int(),
  sendCount: z.number().int(),
  lastSentAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CollateralItem = z.infer<typeof collateralItemSchema>;

/** An item with every version, newest first. */
export const collateralItemDetailSchema = collateralItemSchema.extend({ versions: z.array(collateralVersionSchema) });
export type CollateralItemDetail = z.infer<typeof collateralItemDetailSchema>;

export const collateralPageSchema = pageSchema(collateralItemSchema);

const facet = z.object({ value: z.string(), count: z.number().int() });
/** What the list's filters can offer: product areas and tags in use, and how many items each kind has. */
export const collateralFacetsSchema = z.object({
  productAreas: z.array(facet),
  tags: z.array(facet),
  kinds: z.array(z.object({ value: z.enum(COLLATERAL_KINDS), count: z.number().int() })),
});
export type CollateralFacets = z.infer<typeof collateralFacetsSchema>;

export const mostSentQuery = z.object({
  days: z.coerce.number().int().min(1).max(3650).optional().describe('Count sends of the last n days; all time when left out'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const mostSentSchema = z.object({
  since: z.string().nullable(),
  items: z.array(
    z.object({
      item: z.object({ id: z.string(), title: z.string(), kind: z.enum(COLLATERAL_KINDS), status: z.enum(COLLATERAL_STATUSES) }),
      sends: z.number().int(),
      opportunities: z.number().int().describe('Distinct opportunities it was sent for'),
      lastSentAt: z.string(),
    }),
  ),
});
export type MostSent = z.infer<typeof mostSentSchema>;

export const sendCollateralBody = z.strictObject({
  versionId: z.string().min(1).max(64).describe('The version sent; usually the item’s current one'),
  contactIds: z
    .array(z.string().max(64))
    .max(50, 'At most 50 contacts')
    .default([])
    .describe('Contacts of the opportunity’s account; they are e-mailed the file (none: the send is only recorded)'),
  note: note.default(null),
});
export type SendCollateralInput = z.input<typeof sendCollateralBody>;

export const collateralSendSchema = z.object({
  id: z.string(),
  item: z.object({ id: z.string(), title: z.string(), kind: z.enum(COLLATERAL_KINDS), status: z.enum(COLLATERAL_STATUSES) }),
  version: z.object({
    id: z.string(),
    number: z.number().int(),
    filename: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    downloadUrl: z.string(),
  }),
  /** Whether a newer version has been uploaded since. */
  superseded: z.boolean(),
  opportunity: z.object({ id: z.string(), name: z.string(), accountId: z.string(), accountName: z.string() }),
  contacts: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })),
  note: z.string().nullable(),
  sentBy: ref.nullable(),
  sentAt: z.string(),
  interactionId: z.string().nullable(),
  email: z
    .object({
      status: z.enum(['queued', 'sent', 'failed']),
      sentAt: z.string().nullable(),
      lastError: z.string().nullable(),
    })
    .nullable()
    .describe('The mail that carried the file to the contacts (null when the send named no contact)'),
});
export type CollateralSend = z.infer<typeof collateralSendSchema>;

export const collateralSendPageSchema = pageSchema(collateralSendSchema);
export const sendListQuery = z.object({ ...pageQuery });

/** An opportunity's sent collateral, with the deal it belongs to (the send dialog picks its contacts). */
export const opportunityCollateralSchema = collateralSendPageSchema.extend({
  opportunity: z.object({ id: z.string(), name: z.string(), accountId: z.string(), accountName: z.string() }),
});
export type OpportunityCollateral = z.infer<typeof opportunityCollateralSchema>;
