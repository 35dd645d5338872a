import type { Permission } from '../../../../../src/kernel/contract/permissions';

/** What each importable kind of record needs on the screen: its name, who may import it and where its records are listed. */
export const IMPORT_KIND_INFO = {
  accounts: {
    title: 'Import accounts',
    noun: 'accounts',
    permission: 'accounts.write',
    listPath: '/accounts',
    listLabel: 'Open the accounts',
    policy: 'An account with the same name or one of its domains is updated (its domains are added to), not created twice.',
  },
  contacts: {
    title: 'Import contacts',
    noun: 'contacts',
    permission: 'contacts.write',
    listPath: '/accounts',
    listLabel: 'Open the accounts',
    policy:
      'Name the account by its name or a domain (left empty: the account of the e-mail’s domain). A contact with the same e-mail is updated, not created twice.',
  },
  tickets: {
    title: 'Import tickets',
    noun: 'tickets',
    permission: 'tickets.write',
    listPath: '/tickets',
    listLabel: 'Open the tickets',
    policy:
      'Each row opens a ticket as if made by hand (SLA, search, audit), at its “Created at” time when given. A row already imported (same requester, subject and time) is not imported again.',
  },
} as const satisfies Record<string, { permission: Permission } & Record<string, string>>;

export type ImportKindName = keyof typeof IMPORT_KIND_INFO;

export const isImportKind = (kind: string | undefined): kind is ImportKindName => !!kind && kind in IMPORT_KIND_INFO;
