import type { ChangeContext } from '../../../kernel/actor.js';
import type { LibraryEntryStatus } from './tables.js';

/**
 * Who may do what with a library entry: one plain predicate per action. Route access already
 * requires `presales.write` for every write (and `presales.manage` for approving); these add the
 * rules that depend on the entry.
 *
 * - Anyone who writes pre-sales content drafts entries and edits drafts.
 * - Approving is curation: managers only, so no writer approves their own answer.
 * - An approved entry speaks for the company: only its owner or a manager edits it, marks it
 *   reviewed, archives it. Archived entries are restored to draft (owner or manager) before editing.
 * - Deleting is for mistakes: a draft nobody has used, by its owner, its author or a manager.
 */
export interface LibraryCaller {
  ctx: ChangeContext;
  memberId: string | null;
  /** Holds presales.write. */
  write: boolean;
  /** Holds presales.manage. */
  manage: boolean;
}

interface EntryFacts {
  status: LibraryEntryStatus;
  owner_id: string | null;
  created_by: string | null;
  usage_count: number;
}

const isOwner = (e: EntryFacts, c: LibraryCaller) => c.memberId !== null && e.owner_id === c.memberId;
const ownerOrManager = (e: EntryFacts, c: LibraryCaller) => c.write && (c.manage || isOwner(e, c));

export const libraryPolicy = {
  create: (c: LibraryCaller) => c.write,
  createApproved: (c: LibraryCaller) => c.write && c.manage,
  edit: (e: EntryFacts, c: LibraryCaller) => (e.status === 'draft' ? c.write : e.status === 'approved' && ownerOrManager(e, c)),
  approve: (e: EntryFacts, c: LibraryCaller) => e.status === 'draft' && c.write && c.manage,
  review: (e: EntryFacts, c: LibraryCaller) => e.status === 'approved' && ownerOrManager(e, c),
  archive: (e: EntryFacts, c: LibraryCaller) => e.status !== 'archived' && ownerOrManager(e, c),
  restore: (e: EntryFacts, c: LibraryCaller) => e.status === 'archived' && ownerOrManager(e, c),
  delete: (e: EntryFacts, c: LibraryCaller) =>
    e.status === 'draft' && Number(e.usage_count) === 0 && c.write && (c.manage || isOwner(e, c) || e.created_by === c.memberId),
};

/** The actions the caller may take on an entry, as the screen shows them. */
export function entryAbilities(e: EntryFacts, c: LibraryCaller) {
  return {
    edit: libraryPolicy.edit(e, c),
    approve: libraryPolicy.approve(e, c),
    archive: libraryPolicy.archive(e, c) || libraryPolicy.restore(e, c),
    review: libraryPolicy.review(e, c),
    delete: libraryPolicy.delete(e, c),
  };
}
