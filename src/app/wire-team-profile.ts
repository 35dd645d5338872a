import type { ProfileSourcePorts } from '../modules/team/profile/profile-ports.js';

/**
 * What the role profile reads (issue 17), from the modules that own it. Team-profile area: replace
 * the placeholders with the owners' reads, exported from their index.ts.
 */
export const profileSourcePorts: ProfileSourcePorts = {
  interactionsAttended: async () => [],
  accountFacts: async () => new Map(),
  workMix: [],
};
