/** Macros: canned replies with field changes (merged into the `Database` interface in src/db/schema.ts). */
export interface MacroTables {
  macros: MacrosTable;
}

export interface MacrosTable {
  id: string;
  title: string;
  body: string;
  visibility: 'public' | 'internal';
  actions: string; // JSON MacroActions
  /** null: shared with the whole team; otherwise the member whose personal macro it is. */
  owner_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
