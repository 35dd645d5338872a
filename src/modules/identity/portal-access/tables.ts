/** The customer portal's tables: contacts' sign-in links, sessions and portal credentials. */
export interface PortalTables {
  portal_links: PortalLinksTable;
  portal_sessions: PortalSessionsTable;
  portal_credentials: PortalCredentialsTable;
}

/** A one-time sign-in link: single use, expires, bound to one contact. */
export interface PortalLinksTable {
  token_hash: string;
  contact_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  requested_ip: string | null;
}

export interface PortalSessionsTable {
  id_hash: string;
  contact_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

/** Portal access per contact: on unless an admin turned it off; an optional password. */
export interface PortalCredentialsTable {
  contact_id: string;
  access: 'enabled' | 'disabled';
  password_hash: string | null;
  failed_sign_ins: number;
  locked_until: string | null;
  updated_at: string;
}
