import type { PortalContactDirectory } from '../identity/index.js';

/**
 * The contacts as the identity module signs them in to the customer portal (its port, wired in
 * src/app/wire-modules.ts): identity sits below accounts, so it reaches contacts only through this.
 */
export const portalContactDirectory: PortalContactDirectory = {
  async findContact(db, where) {
    let query = db
      .selectFrom('contacts')
      .innerJoin('accounts', 'accounts.id', 'contacts.account_id')
      .select(['contacts.id', 'contacts.account_id', 'contacts.name', 'contacts.email', 'accounts.name as account_name']);
    query = 'email' in where ? query.where('contacts.email', '=', where.email.toLowerCase()) : query.where('contacts.id', '=', where.id);
    return (await query.executeTakeFirst()) ?? null;
  },
};
