import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { nowIso } from '../../../kernel/clock.js';
import { newId } from '../../../kernel/ids.js';
import { decodeCursor, encodeCursor, keysetAfter, toPage, type Page } from '../../../kernel/pagination.js';
import { memberRefs } from '../../team/index.js';
import { removeFromIndex, searchDocuments } from '../../search/index.js';
import { indexArticle } from './article-search-documents.js';
import { listMessages } from '../tickets/message-service.js';
import { recordTicketEvent } from '../tickets/ticket-repository.js';
import { actorOfContext, getTicket } from '../tickets/ticket-service.js';
import { draftArticleBody } from './article-draft.js';
import type {
  Article,
  ArticleDraft,
  ArticleListQuery,
  CreateArticleInput,
  LinkedArticle,
  PublicArticleHit,
  UpdateArticleInput,
} from '../contract/knowledge.js';
import type { KbArticlesTable } from './tables.js';

type ArticleRow = KbArticlesTable;

function articleRows(db: Kysely<Database>) {
  return db.selectFrom('kb_articles').selectAll('kb_articles');
}

/** Rows as articles, with their authors' names, their tags and how often they were used and solved a case. */
async function toArticles(db: Kysely<Database>, rows: ArticleRow[]): Promise<Article[]> {
  const ids = rows.map((r) => r.id);
  const tags = new Map<string, string[]>();
  const counts = new Map<string, { linked: number; solved: number }>();
  const authors = await memberRefs(
    db,
    rows.map((r) => r.author_id),
  );
  if (ids.length) {
    for (const t of await db
      .selectFrom('kb_article_tags')
      .select(['article_id', 'tag'])
      .where('article_id', 'in', ids)
      .orderBy('tag')
      .execute()) {
      tags.set(t.article_id, [...(tags.get(t.article_id) ?? []), t.tag]);
    }
    const usage = await db
      .selectFrom('kb_article_links')
      .select((eb) => ['article_id', eb.fn.countAll<number>().as('linked'), eb.fn.sum<number>('solved').as('solved')])
      .where('article_id', 'in', ids)
      .groupBy('article_id')
      .execute();
    for (const u of usage) counts.set(u.article_id, { linked: Number(u.linked), solved: Number(u.solved ?? 0) });
  }
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    body: r.body,
    visibility: r.visibility,
    productArea: r.product_area,
    tags: tags.get(r.id) ?? [],
    status: r.status,
    author: r.author_id ? { id: r.author_id, name: authors.get(r.author_id)?.name ?? 'Former member' } : null,
    sourceTicketId: r.source_ticket_id,
    linkedCount: counts.get(r.id)?.linked ?? 0,
    solvedCount: counts.get(r.id)?.solved ?? 0,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    publishedAt: r.published_at,
  }));
}

export async function getArticle(db: Kysely<Database>, id: string): Promise<Article> {
  const row = await articleRows(db).where('kb_articles.id', '=', id).executeTakeFirst();
  if (!row) throw errors.articleNotFound();
  return (await toArticles(db, [row]))[0]!;
}

/** Articles, most recently updated first. */
export async function listArticles(db: Kysely<Database>, query: ArticleListQuery): Promise<Page<Article>> {
  let q = articleRows(db);
  if (query.status) q = q.where('kb_articles.status', '=', query.status);
  if (query.visibility) q = q.where('kb_articles.visibility', '=', query.visibility);
  if (query.productArea) q = q.where('kb_articles.product_area', '=', query.productArea);
  if (query.tag) {
    const tag = query.tag;
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom('kb_article_tags').select('tag').whereRef('kb_article_tags.article_id', '=', 'kb_articles.id').where('tag', '=', tag),
      ),
    );
  }
  if (query.cursor) q = q.where(keysetAfter('kb_articles.updated_at', 'kb_articles.id', decodeCursor(query.cursor, 'timestamp'), 'desc'));
  const rows = await q
    .orderBy('kb_articles.updated_at', 'desc')
    .orderBy('kb_articles.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = toPage(rows, query.limit, (r) => encodeCursor(r.updated_at, r.id));
  return { items: await toArticles(db, page.items), nextCursor: page.nextCursor };
}

async function replaceTags(db: Kysely<Database>, articleId: string, tags: string[]): Promise<void> {
  await db.deleteFrom('kb_article_tags').where('article_id', '=', articleId).execute();
  if (tags.length)
    await db
      .insertInto('kb_article_tags')
      .values(tags.map((tag) => ({ article_id: articleId, tag })))
      .execute();
}

export async function createArticle(db: Kysely<Database>, ctx: ChangeContext, input: CreateArticleInput): Promise<Article> {
  if (input.sourceTicketId && !(await db.selectFrom('tickets').select('id').where('id', '=', input.sourceTicketId).executeTakeFirst())) {
    throw errors.referenceMissing('ticket', 'sourceTicketId');
  }
  const id = newId();
  const now = nowIso();
  const tags = [...new Set(input.tags)].sort();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('kb_articles')
      .values({
        id,
        title: input.title,
        body: input.body,
        visibility: input.visibility,
        product_area: input.productArea ?? null,
        status: input.status,
        author_id: ctx.memberId,
        source_ticket_id: input.sourceTicketId ?? null,
        created_at: now,
        updated_at: now,
        published_at: input.status === 'published' ? now : null,
      })
      .execute();
    await replaceTags(trx, id, tags);
    await indexArticle(trx, id);
    await recordAudit(trx, ctx, {
      action: 'article.created',
      recordType: 'article',
      recordId: id,
      changes: diff(null, {
        title: input.title,
        visibility: input.visibility,
        status: input.status,
        productArea: input.productArea ?? null,
        tags,
        sourceTicketId: input.sourceTicketId ?? null,
      }),
    });
  });
  return getArticle(db, id);
}

export async function updateArticle(db: Kysely<Database>, ctx: ChangeContext, id: string, input: UpdateArticleInput): Promise<Article> {
  const before = await getArticle(db, id);
  const now = nowIso();
  const tags = input.tags ? [...new Set(input.tags)].sort() : before.tags;
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('kb_articles')
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.body !== undefined ? { body: input.body } : {}),
        ...(input.visibility !== undefined ? { visibility: input.visibility } : {}),
        ...(input.productArea !== undefined ? { product_area: input.productArea ?? null } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(input.status === 'published' && !before.publishedAt ? { published_at: now } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    if (input.tags) await replaceTags(trx, id, tags);
    await indexArticle(trx, id);
    const pick = (a: Pick<Article, 'title' | 'visibility' | 'status' | 'productArea' | 'tags'>) => ({
      title: a.title,
      visibility: a.visibility,
      status: a.status,
      productArea: a.productArea,
      tags: a.tags,
    });
    const changes = diff(
      pick(before),
      pick({ ...before, ...input, productArea: input.productArea === undefined ? before.productArea : (input.productArea ?? null), tags }),
    );
    // The body is too long for the audit log; that it changed is what matters there.
    if (input.body !== undefined && input.body !== before.body)
      changes.body = [`${before.body.length} characters`, `${input.body.length} characters`];
    await recordAudit(trx, ctx, { action: 'article.updated', recordType: 'article', recordId: id, changes });
  });
  return getArticle(db, id);
}

export async function deleteArticle(db: Kysely<Database>, ctx: ChangeContext, id: string): Promise<void> {
  const before = await getArticle(db, id);
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('kb_article_links').where('article_id', '=', id).execute();
    await trx.deleteFrom('kb_article_tags').where('article_id', '=', id).execute();
    await trx.deleteFrom('kb_articles').where('id', '=', id).execute();
    await removeFromIndex(trx, 'article', id);
    await recordAudit(trx, ctx, {
      action: 'article.deleted',
      recordType: 'article',
      recordId: id,
      changes: diff(
        {
          title: before.title,
          status: before.status,
          visibility: before.visibility,
          linkedCount: before.linkedCount,
          solvedCount: before.solvedCount,
        },
        null,
      ),
    });
  });
}

/** "Write an article from this ticket": a draft to edit and then POST to /api/articles. */
export async function articleDraft(db: Kysely<Database>, ticketId: string): Promise<ArticleDraft> {
  const ticket = await getTicket(db, ticketId);
  const messages = await listMessages(db, ticketId);
  return {
    title: ticket.subject,
    body: draftArticleBody(messages),
    visibility: 'internal',
    productArea: null,
    tags: ticket.tags,
    status: 'draft',
    sourceTicketId: ticket.id,
  };
}

/** The articles linked to a ticket, in the order they were linked. */
export async function articlesOfTicket(db: Kysely<Database>, ticketId: string): Promise<LinkedArticle[]> {
  const links = await db
    .selectFrom('kb_article_links')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('linked_at')
    .orderBy('article_id')
    .execute();
  if (!links.length) return [];
  const rows = await articleRows(db)
    .where(
      'kb_articles.id',
      'in',
      links.map((l) => l.article_id),
    )
    .execute();
  const [articles, linkers] = await Promise.all([
    toArticles(db, rows).then((list) => new Map(list.map((a) => [a.id, a]))),
    memberRefs(
      db,
      links.map((l) => l.linked_by),
    ),
  ]);
  return links.flatMap((l) => {
    const a = articles.get(l.article_id);
    if (!a) return [];
    return [
      {
        ticketId: l.ticket_id,
        solved: Number(l.solved) === 1,
        linkedAt: l.linked_at,
        linkedBy: l.linked_by ? { id: l.linked_by, name: linkers.get(l.linked_by)?.name ?? 'Former member' } : null,
        article: {
          id: a.id,
          title: a.title,
          visibility: a.visibility,
          status: a.status,
          productArea: a.productArea,
          linkedCount: a.linkedCount,
          solvedCount: a.solvedCount,
        },
      },
    ];
  });
}

/**
 * Links an article to a ticket, or changes whether it solved the case when already linked.
 * Returns the link and whether it is new.
 */
export async function linkArticle(
  db: Kysely<Database>,
  ctx: ChangeContext,
  ticketId: string,
  input: { articleId: string; solved: boolean },
): Promise<{ link: LinkedArticle; created: boolean }> {
  await getTicket(db, ticketId);
  if (!(await db.selectFrom('kb_articles').select('id').where('id', '=', input.articleId).executeTakeFirst()))
    throw errors.referenceMissing('article', 'articleId');
  const existing = await db
    .selectFrom('kb_article_links')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .where('article_id', '=', input.articleId)
    .executeTakeFirst();
  const solved = input.solved ? 1 : 0;
  if (!existing || Number(existing.solved) !== solved) {
    const at = nowIso();
    await inTransaction(db, async (trx) => {
      if (existing) {
        await trx
          .updateTable('kb_article_links')
          .set({ solved })
          .where('ticket_id', '=', ticketId)
          .where('article_id', '=', input.articleId)
          .execute();
      } else {
        await trx
          .insertInto('kb_article_links')
          .values({ ticket_id: ticketId, article_id: input.articleId, solved, linked_by: ctx.memberId, linked_at: at })
          .execute();
      }
      await recordTicketEvent(
        trx,
        ticketId,
        actorOfContext(ctx),
        'article.linked',
        { articleId: input.articleId, solved: input.solved },
        at,
      );
      await recordAudit(trx, ctx, {
        action: existing ? 'ticket.article_link_changed' : 'ticket.article_linked',
        recordType: 'ticket',
        recordId: ticketId,
        changes: existing
          ? { [`articles.${input.articleId}.solved`]: [!input.solved, input.solved] }
          : { articleId: [null, input.articleId], solved: [null, input.solved] },
      });
    });
  }
  const link = (await articlesOfTicket(db, ticketId)).find((l) => l.article.id === input.articleId)!;
  return { link, created: !existing };
}

export async function unlinkArticle(db: Kysely<Database>, ctx: ChangeContext, ticketId: string, articleId: string): Promise<void> {
  await getTicket(db, ticketId);
  const existing = await db
    .selectFrom('kb_article_links')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  if (!existing) throw errors.articleNotLinked();
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('kb_article_links').where('ticket_id', '=', ticketId).where('article_id', '=', articleId).execute();
    await recordTicketEvent(trx, ticketId, actorOfContext(ctx), 'article.unlinked', { articleId }, nowIso());
    await recordAudit(trx, ctx, {
      action: 'ticket.article_unlinked',
      recordType: 'ticket',
      recordId: ticketId,
      changes: { articleId: [articleId, null], solved: [Number(existing.solved) === 1, null] },
    });
  });
}

/**
 * What the customer portal searches: published public articles only, best match first. Internal
 * and draft or archived articles never appear, whatever the query.
 */
export async function searchPublicArticles(db: Kysely<Database>, q: string, limit = 10): Promise<PublicArticleHit[]> {
  const result = await searchDocuments(db, { q, types: ['article'], publicOnly: true, limit });
  return result.items.map((r) => ({
    id: r.id,
    title: r.title,
    titleHtml: r.titleHtml,
    snippet: r.snippet,
    score: r.score,
    updatedAt: r.updatedAt,
  }));
}
