/**
 * Errors of the team module's view area (issue 17). Spread into the one catalogue in ../errors.ts.
 * Details name the request `field` a form shows the message under.
 */
export const teamViewErrors = {};
