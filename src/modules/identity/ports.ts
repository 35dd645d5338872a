import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ChangeContext } from '../../kernel/actor.js';

/** What signing a member in needs to know about them (the team module owns the row). */
export interface MemberCredentials {
  id: string;
  name: string;
  email: string;
  status: 'active' | 'invited' | 'disabled';
  password_hash: string | null;
  failed_sign_ins: number;
  locked_until: string | null;
}

/** The team module's members, as sign-in, tokens and password changes see them. */
export interface MemberDirectory {
  /** The member with this e-mail (any case), for sign-in. */
  findByEmail(db: Kysely<Database>, email: string): Promise<MemberCredentials | undefined>;
  findById(db: Kysely<Database>, id: string): Promise<MemberCredentials | undefined>;
  /** The member's roles, sorted. */
  rolesOf(db: Kysely<Database>, memberId: string): Promise<string[]>;
  /** Stores a wrong password's new failure count and lockout (null: not locked). */
  recordFailedSignIn(db: Kysely<Database>, memberId: string, failures: number, lockedUntil: string | null): Promise<void>;
  /** Forgets earlier failures after a good sign-in. */
  clearFailedSignIns(db: Kysely<Database>, memberId: string): Promise<void>;
  /** Sets the password and ends the member's other sessions, all but `keepSessionIdHash`. */
  setPassword(
    db: Kysely<Database>,
    ctx: ChangeContext,
    memberId: string,
    password: string,
    keepSessionIdHash: string | null,
  ): Promise<void>;
}

/** A customer contact as the portal signs them in (the accounts module owns contacts and accounts). */
export interface PortalContactRecord {
  id: string;
  account_id: string;
  name: string;
  email: string;
  account_name: string;
}

export interface PortalContactDirectory {
  /** The contact with this id or e-mail (any case), with its account's name, or null. */
  findContact(db: Kysely<Database>, where: { email: string } | { id: string }): Promise<PortalContactRecord | null>;
}

/**
 * What the identity module needs from modules above it, handed in by src/app/wire-modules.ts at
 * start-up (identity may not import them: team and accounts import identity).
 */
export interface IdentityPorts {
  members: MemberDirectory;
  portalContacts: PortalContactDirectory;
}

let wired: IdentityPorts | null = null;

/** Called once at start-up by src/app/wire-modules.ts. */
export function configureIdentity(ports: IdentityPorts): void {
  wired = ports;
}

export function identityPorts(): IdentityPorts {
  if (!wired) throw new Error('The identity module is not wired: call wireModules() (src/app/wire-modules.ts) at start-up.');
  return wired;
}
