import type { ProfileSourcePorts } from './profile/profile-ports.js';
import type { TimeLinkPorts } from './time/time-link-ports.js';

/**
 * What the team module needs from modules above it (issue 17), handed in by src/app/wire-modules.ts
 * at start-up: the records a time entry may link to, and what the role profile reads.
 */
export interface TeamPorts {
  timeLinks: TimeLinkPorts;
  profileSources: ProfileSourcePorts;
}

let wired: TeamPorts | null = null;

/** Called once at start-up by src/app/wire-modules.ts. */
export function configureTeam(ports: TeamPorts): void {
  wired = ports;
}

export function teamPorts(): TeamPorts {
  if (!wired) throw new Error('The team module is not wired: call wireModules() (src/app/wire-modules.ts) at start-up.');
  return wired;
}
