/** The knowledge base's tables (merged into the one `Database` interface in src/db/schema.ts). */
export interface KnowledgeTables {
  kb_articles: KbArticlesTable;
  kb_article_tags: KbArticleTagsTable;
  kb_article_links: KbArticleLinksTable;
}

export type ArticleStatus = 'draft' | 'published' | 'archived';
export type ArticleVisibility = 'internal' | 'public';

export interface KbArticlesTable {
  id: string;
  title: string;
  /** Markdown, stored as written; the client renders and sanitises it. */
  body: string;
  visibility: ArticleVisibility;
  product_area: string | null;
  status: ArticleStatus;
  author_id: string | null;
  source_ticket_id: string | null;
  created_at: string;
  updated_at: string;
  /** When it was first published; kept through later edits and archiving. */
  published_at: string | null;
}

export interface KbArticleTagsTable {
  article_id: string;
  tag: string;
}

/** An article used on a ticket; `solved` (0/1) when it resolved the case. */
export interface KbArticleLinksTable {
  ticket_id: string;
  article_id: string;
  solved: number;
  linked_by: string | null;
  linked_at: string;
}
