import { make } from './make.js';

/**
 * Errors of the Zendesk-compatible API's users, organizations and groups (issue 18). Spread into the one catalogue in ../errors.ts.
 * Details name the request `field` a form shows the message under.
 */
export const zendeskPeopleErrors = {
  zendeskUserNotFound: make('zendesk.user_not_found', 404, 'No user with this id.'),
  zendeskOrganizationNotFound: make('zendesk.organization_not_found', 404, 'No organization with this id.'),
  zendeskGroupNotFound: make('zendesk.group_not_found', 404, 'No group with this id.'),
  endUserWithoutOrganization: make(
    'zendesk.end_user_without_organization',
    422,
    'An end-user is a customer contact and belongs to an organization: give organization_id, or an e-mail whose domain is one of an organization’s domain_names.',
  ),
  userEmailRequired: make(
    'zendesk.user_email_required',
    422,
    'Every user needs an e-mail address here (it is how they sign in and how mail reaches them): give email.',
  ),
  userRoleChangeUnsupported: make(
    'zendesk.user_role_change_unsupported',
    422,
    'An end-user is a customer contact and an agent or admin a team member: a user cannot move between the two. Create a new user with the other role instead.',
  ),
  agentEmailUnchangeable: make(
    'zendesk.agent_email_unchangeable',
    422,
    'An agent’s e-mail is how they sign in and cannot be changed through this API; an admin changes it in Outpost’s team settings.',
  ),
};
