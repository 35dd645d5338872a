/**
 * Words the bench dataset is written from. Subjects and bodies combine a problem template with
 * products, error codes and hosts, so the full-text index holds a realistic spread of terms: a few
 * very common words (every "login" ticket), many rare ones (one error code in a thousand).
 */

export const PROBLEMS = [
  {
    subject: 'SSO login loops back to the sign-in page',
    tags: ['sso', 'login'],
    body: 'Since this morning our users are sent back to the sign-in page after the IdP redirect.',
  },
  {
    subject: 'Nightly export job times out',
    tags: ['export', 'performance'],
    body: 'The nightly CSV export has failed three nights in a row with a timeout after 30 minutes.',
  },
  {
    subject: 'API returns 429 during our batch sync',
    tags: ['api', 'rate-limit'],
    body: 'Our hourly sync gets HTTP 429 responses after about 200 requests.',
  },
  {
    subject: 'Invoice shows the wrong number of seats',
    tags: ['billing'],
    body: 'The latest invoice bills more seats than we have active users.',
  },
  {
    subject: 'Dashboard charts are empty after upgrade',
    tags: ['upgrade', 'dashboards'],
    body: 'After the upgrade the analytics dashboards render without data.',
  },
  {
    subject: 'How do I add a new admin?',
    tags: ['how-to', 'admin'],
    body: 'Our previous admin left; how can I give admin rights to a colleague?',
  },
  {
    subject: 'Webhook deliveries fail with certificate error',
    tags: ['webhooks', 'tls'],
    body: 'Webhook deliveries to our endpoint fail with "unable to verify the first certificate".',
  },
  {
    subject: 'Password reset e-mails not arriving',
    tags: ['email', 'login'],
    body: 'Users do not receive password reset e-mails; nothing in spam either.',
  },
  {
    subject: 'Search is very slow for large projects',
    tags: ['search', 'performance'],
    body: 'Searching in projects with more than 50k items takes over 20 seconds.',
  },
  {
    subject: 'Data import stops halfway',
    tags: ['import', 'data-migration'],
    body: 'Importing our customer list stops partway through without an error message.',
  },
  {
    subject: 'Mobile app crashes on start',
    tags: ['mobile', 'crash'],
    body: 'The iOS app closes immediately after the splash screen for several of our field staff.',
  },
  {
    subject: 'Scheduled report e-mails are duplicated',
    tags: ['reports', 'email'],
    body: 'Every scheduled report now arrives twice, a few seconds apart.',
  },
  {
    subject: 'Audit log export is missing entries',
    tags: ['audit', 'export'],
    body: 'The audit log CSV skips entries from some days when compared with the screen.',
  },
  {
    subject: 'SAML assertion rejected: clock skew',
    tags: ['sso', 'saml'],
    body: 'Sign-in fails with "assertion not yet valid"; our IdP clock is in sync as far as we can tell.',
  },
  {
    subject: 'Cannot connect the on-premise agent',
    tags: ['agent', 'network'],
    body: 'The agent on our server cannot reach the cloud endpoint; the proxy logs show resets.',
  },
  {
    subject: 'Permissions for contractors',
    tags: ['how-to', 'permissions'],
    body: 'We need contractors to see only their own projects; which role fits?',
  },
  {
    subject: 'Storage quota warning although usage is low',
    tags: ['billing', 'storage'],
    body: 'We get a storage quota warning but the usage page shows less than half used.',
  },
  {
    subject: 'Sync with CRM creates duplicate contacts',
    tags: ['integrations', 'crm'],
    body: 'Since enabling the CRM sync every contact appears twice after the nightly run.',
  },
  {
    subject: 'Latency spikes every hour',
    tags: ['performance', 'api'],
    body: 'API latency jumps to several seconds at the top of every hour for about five minutes.',
  },
  {
    subject: 'Two-factor codes rejected',
    tags: ['login', '2fa'],
    body: 'Authenticator codes are rejected for some users although their phone time is correct.',
  },
] as const;

export const PRODUCTS = [
  'Analytics',
  'Gateway',
  'Connector',
  'Workspace',
  'Scheduler',
  'Vault',
  'Insights',
  'Relay',
  'Ledger',
  'Beacon',
] as const;
export const ENVIRONMENTS = ['production', 'staging', 'eu-west', 'us-east', 'ap-south', 'on-premise'] as const;
export const VERSIONS = ['4.1', '4.2', '4.2.1', '4.3', '5.0', '5.0.2', '5.1'] as const;

export const AGENT_REPLIES = [
  'Thanks for reporting this — we are looking into it now.',
  'Could you send us the logs from the time it happened?',
  'We reproduced this on our side and are working on a fix.',
  'This is fixed now; the cause was a configuration change on our side.',
  'A workaround for now: restart the connector and clear its cache.',
  'Our engineering team has identified the cause; a patch ships this week.',
] as const;

export const CUSTOMER_FOLLOW_UPS = [
  'Here are the logs you asked for; the error appears at the bottom.',
  'It is happening again since this morning.',
  'Thanks, that workaround helped for now.',
  'We tried that but the problem is still there.',
  'Any update on this? Our team is blocked.',
] as const;

export const INTERNAL_NOTES = [
  'Reproduced on our side; config and network checked, both fine.',
  'Looks like the known issue with the token cache; linking the engineering ticket.',
  'Customer is on an old version; suggested the upgrade path.',
  'Checked the load balancer logs: resets come from their proxy.',
] as const;

export const COMPANY_WORDS = [
  'Acme',
  'Northwind',
  'Globex',
  'Initech',
  'Umbrella',
  'Stark',
  'Wayne',
  'Tyrell',
  'Cyberdyne',
  'Soylent',
  'Hooli',
  'Vandelay',
  'Wonka',
  'Gringotts',
  'Oscorp',
  'Pied',
  'Aperture',
  'Massive',
  'Dynamic',
  'Blue',
  'Silver',
  'Granite',
  'Harbor',
  'Summit',
  'Pioneer',
  'Atlas',
  'Orbit',
  'Vertex',
  'Nimbus',
  'Quantum',
] as const;
export const COMPANY_KINDS = [
  'Logistics',
  'Health',
  'Bank',
  'Retail',
  'Energy',
  'Labs',
  'Systems',
  'Foods',
  'Media',
  'Insurance',
  'Motors',
  'Telecom',
] as const;

export const FIRST_NAMES = [
  'Ada',
  'Ben',
  'Chloe',
  'David',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kara',
  'Liam',
  'Maya',
  'Noah',
  'Olga',
  'Pedro',
  'Quinn',
  'Rosa',
  'Sam',
  'Tara',
  'Umar',
  'Vera',
  'Wei',
  'Xena',
  'Yusuf',
  'Zoe',
] as const;
export const LAST_NAMES = [
  'Andersen',
  'Baker',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Hansen',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lopez',
  'Müller',
  'Novak',
  'Okafor',
  'Patel',
  'Quist',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Uddin',
  'Varga',
  'Weber',
  'Yilmaz',
  'Zhang',
] as const;
export const CONTACT_TITLES = [
  'CTO',
  'IT manager',
  'Platform engineer',
  'Head of operations',
  'Developer',
  'Analyst',
  'Administrator',
] as const;

/** Terms the bench searches for: common ones, rarer ones, a prefix, a two-word query. */
export const SEARCH_TERMS = [
  'timeout',
  'sso login',
  'certificate',
  'invoice seats',
  'export',
  'webhook',
  'Gateway',
  'duplicate contacts',
  'latency',
  'saml',
  'crash',
  'proxy',
] as const;
