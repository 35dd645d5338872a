import type { ProfileSourcePorts } from '../modules/team/profile/profile-ports.js';
import { accountProfileFacts, accountTeamWorkMix, interactionsAttendedBy } from '../modules/accounts/index.js';
import { engagementWorkMix } from '../modules/delivery/index.js';
import { opportunityWorkMix } from '../modules/presales/index.js';
import { ticketWorkMix } from '../modules/support/index.js';

/** What the role profile reads (issue 17), from the modules that own it. */
export const profileSourcePorts: ProfileSourcePorts = {
  interactionsAttended: interactionsAttendedBy,
  accountFacts: accountProfileFacts,
  workMix: [(db, memberIds) => accountTeamWorkMix(db, memberIds), ticketWorkMix, engagementWorkMix, opportunityWorkMix],
};
