import type { MemberDirectory } from '../../identity/index.js';
import { findMemberRow, findMemberRowByEmail, rolesOf, updateMemberRow } from './member-repository.js';
import { setPassword } from './member-service.js';

/**
 * The members as the identity module signs them in (its port, wired in src/app/wire-modules.ts):
 * identity sits below team, so it reaches the members table only through this.
 */
export const memberDirectory: MemberDirectory = {
  findByEmail: findMemberRowByEmail,
  findById: findMemberRow,
  rolesOf,
  recordFailedSignIn: (db, memberId, failures, lockedUntil) =>
    updateMemberRow(db, memberId, { failed_sign_ins: failures, locked_until: lockedUntil }),
  clearFailedSignIns: (db, memberId) => updateMemberRow(db, memberId, { failed_sign_ins: 0, locked_until: null }),
  setPassword,
};
