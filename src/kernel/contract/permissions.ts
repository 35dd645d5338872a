/**
 * The permission catalogue: the names routes declare as their access (`config.access`) and actors
 * carry. Like the error catalogue it sits below every module; which role grants which permission
 * is the identity module's (src/modules/identity/roles/roles.ts). Shared with the web app, which
 * shows and hides screens by the same names.
 */
export const PERMISSIONS = [
  'accounts.read',
  'accounts.write',
  'contacts.write',
  'interactions.write',
  'members.read',
  'members.manage',
  'settings.manage',
  'tokens.manage',
  'audit.read',
  'tickets.read',
  'tickets.write',
  'support.manage',
  'webhooks.manage',
  // Hand raw e-mail to the support desk (relays and integrations, through an API token).
  'email.ingest',
  'runbooks.manage',
  // Write, publish and archive knowledge-base articles.
  'knowledge.write',
  // Delivery (DESIGN §2): run engagements (tasks, time, reports, POC criteria, training, field
  // visits); keep the customer-environment registry and upgrade campaigns; and curate what every
  // engagement and environment starts from (engagement templates, the release catalogue).
  'delivery.write',
  'environments.write',
  'delivery.manage',
  // Product and engineering loop (issue 14): read ranked feedback, the roadmap and engineering
  // issues (internal stakeholders too); capture feedback, triage it and escalate bugs (everyone who
  // meets customers); run feature requests — status, merge, ship, UAT rounds — and the tracker set-up.
  'feedback.read',
  'feedback.write',
  'feedback.manage',
  // Customer success (issue 15): override a health grade, keep licences, work and close playbook
  // tasks (account owners); set the health models and playbook rules (admins); post product usage
  // (an API token with this scope; `usage:write` is accepted as its spelling too).
  'success.write',
  'success.manage',
  'usage.write',
  // Pre-sales and solutions (issue 16): work deals — opportunities, demos, requirements, designs,
  // statements of work, questionnaire answers (everyone a deal may need as an expert); and curate
  // what deals draw on — approve answers into the library, the rate card, accepting a statement of
  // work into an engagement (sales engineers and solutions architects).
  'presales.write',
  'presales.manage',
  // Who the team is (issue 17): see and log anyone's time, see everyone's role profile and the
  // team view (team leads and admins; everyone sees and logs their own); set the profile thresholds.
  'time.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
