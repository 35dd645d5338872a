import type { CollateralKind, CollateralStatus } from '../contract/collateral.js';

/** The presales module's collateral tables (migration 0030); merged into `Database` through ../tables.ts. */
export interface CollateralTables {
  collateral_items: CollateralItemsTable;
  collateral_versions: CollateralVersionsTable;
  collateral_sends: CollateralSendsTable;
}

export interface CollateralItemsTable {
  id: string;
  title: string;
  kind: CollateralKind;
  product_area: string | null;
  /** JSON arrays of text. */
  tags: string;
  industries: string;
  segments: string;
  description: string;
  owner_id: string | null;
  status: CollateralStatus;
  /** Folded title, description and tags (see search-text.ts). */
  search_text: string;
  /** JSON array of the folded tags, for the tag filter. */
  tag_keys: string;
  /** The newest version's number; 0 only inside the transaction that creates the item. */
  version_count: number;
  current_version_id: string | null;
  send_count: number;
  last_sent_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CollateralVersionsTable {
  id: string;
  item_id: string;
  version: number;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  /** The file's bytes (BLOB on SQLite, bytea on PostgreSQL; both drivers hand back a Buffer). */
  content: Buffer;
  note: string | null;
  uploaded_by: string | null;
  uploaded_at: string;
}

export interface CollateralSendsTable {
  id: string;
  item_id: string;
  version_id: string;
  opportunity_id: string;
  account_id: string;
  /** JSON array of contact ids. */
  contact_ids: string;
  note: string | null;
  sent_by: string | null;
  sent_at: string;
  interaction_id: string | null;
  /** The outbox mail that carried the file to the contacts (migration 0036); null when none was sent. */
  email_id: string | null;
}
