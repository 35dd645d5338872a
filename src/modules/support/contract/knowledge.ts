import { z } from 'zod';
import { ARTICLE_STATUSES, ARTICLE_VISIBILITIES } from './kinds.js';

export { ARTICLE_STATUSES, ARTICLE_VISIBILITIES } from './kinds.js';

const tag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_:.-]{0,49}$/, 'Tags are lower-case words (letters, digits, - _ : .), up to 50 characters');

export const articleSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string().describe('Markdown as written; render and sanitise on the client'),
  visibility: z.enum(ARTICLE_VISIBILITIES).describe('public articles are what the customer portal searches (once published)'),
  productArea: z.string().nullable(),
  tags: z.array(z.string()),
  status: z.enum(ARTICLE_STATUSES),
  author: z.object({ id: z.string(), name: z.string() }).nullable(),
  sourceTicketId: z.string().nullable().describe('The ticket the article was written from'),
  linkedCount: z.number().describe('Tickets this article was used on'),
  solvedCount: z.number().describe('Tickets this article solved'),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type Article = z.infer<typeof articleSchema>;

export const createArticleBody = z.strictObject({
  title: z.string().trim().min(1, 'Give the article a title').max(300),
  body: z.string().max(200_000, 'An article may be at most 200,000 characters').default(''),
  visibility: z.enum(ARTICLE_VISIBILITIES).default('internal'),
  productArea: z.string().trim().min(1).max(100).nullish(),
  tags: z.array(tag).max(30).default([]),
  status: z.enum(ARTICLE_STATUSES).default('draft'),
  sourceTicketId: z.string().max(64).nullish(),
});
export type CreateArticleInput = z.infer<typeof createArticleBody>;

export const updateArticleBody = z.strictObject({
  title: z.string().trim().min(1, 'Give the article a title').max(300).optional(),
  body: z.string().max(200_000, 'An article may be at most 200,000 characters').optional(),
  visibility: z.enum(ARTICLE_VISIBILITIES).optional(),
  productArea: z.string().trim().min(1).max(100).nullish(),
  tags: z.array(tag).max(30).optional(),
  status: z.enum(ARTICLE_STATUSES).optional(),
});
export type UpdateArticleInput = z.infer<typeof updateArticleBody>;

export const articleListQuery = z.object({
  status: z.enum(ARTICLE_STATUSES).optional(),
  visibility: z.enum(ARTICLE_VISIBILITIES).optional(),
  productArea: z.string().max(100).optional(),
  tag: tag.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ArticleListQuery = z.infer<typeof articleListQuery>;

/** What "write an article from this ticket" starts from: a body POST /api/articles accepts. */
export const articleDraftSchema = z.object({
  title: z.string(),
  body: z.string(),
  visibility: z.enum(ARTICLE_VISIBILITIES),
  productArea: z.string().nullable(),
  tags: z.array(z.string()),
  status: z.enum(ARTICLE_STATUSES),
  sourceTicketId: z.string(),
});
export type ArticleDraft = z.infer<typeof articleDraftSchema>;

export const linkArticleBody = z.strictObject({
  articleId: z.string().min(1).max(64),
  solved: z.boolean().describe('Did this article solve the case?'),
});
export type LinkArticleInput = z.infer<typeof linkArticleBody>;

export const linkedArticleSchema = z.object({
  ticketId: z.string(),
  solved: z.boolean(),
  linkedAt: z.string(),
  linkedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  article: articleSchema.pick({
    id: true,
    title: true,
    visibility: true,
    status: true,
    productArea: true,
    linkedCount: true,
    solvedCount: true,
  }),
});
export type LinkedArticle = z.infer<typeof linkedArticleSchema>;

export const publicArticleHitSchema = z.object({
  id: z.string(),
  title: z.string(),
  titleHtml: z.string(),
  snippet: z.string(),
  score: z.number(),
  updatedAt: z.string(),
});
export type PublicArticleHit = z.infer<typeof publicArticleHitSchema>;
