import type { Role } from '../../modules/identity/index.js';

/** The demo team: every role in the catalogue, with believable names, skills and time zones. */
export const DEMO_MEMBERS: { name: string; email: string; title: string; roles: Role[]; skills: string[]; timeZone: string; capacityHours: number }[] = [
  { name: 'Avery Chen', email: 'admin@outpost.local', title: 'Head of Customer Engineering', roles: ['admin'], skills: ['operations'], timeZone: 'America/New_York', capacityHours: 40 },
  { name: 'Priya Raman', email: 'priya.raman@outpost.local', title: 'Support Engineer', roles: ['support_tier1'], skills: ['sso', 'billing'], timeZone: 'Asia/Kolkata', capacityHours: 40 },
  { name: 'Marcus Bell', email: 'marcus.bell@outpost.local', title: 'Support Engineer', roles: ['support_tier1'], skills: ['networking', 'api'], timeZone: 'America/Chicago', capacityHours: 40 },
  { name: 'Elena Petrova', email: 'elena.petrova@outpost.local', title: 'Senior Support Engineer', roles: ['support_tier2'], skills: ['postgresql', 'kubernetes', 'performance'], timeZone: 'Europe/Berlin', capacityHours: 40 },
  { name: 'Tomás Herrera', email: 'tomas.herrera@outpost.local', title: 'Implementation Engineer', roles: ['implementation'], skills: ['data migration', 'sso', 'terraform'], timeZone: 'Europe/Madrid', capacityHours: 40 },
  { name: 'Grace Okafor', email: 'grace.okafor@outpost.local', title: 'Professional Services Consultant', roles: ['professional_services'], skills: ['custom integrations', 'python'], timeZone: 'Europe/London', capacityHours: 36 },
  { name: "Liam O'Connor", email: 'liam.oconnor@outpost.local', title: 'Field Engineer', roles: ['field'], skills: ['on-premises installs', 'hardware'], timeZone: 'Europe/Dublin', capacityHours: 40 },
  { name: 'Yuki Tanaka', email: 'yuki.tanaka@outpost.local', title: 'Forward Deployed Engineer', roles: ['forward_deployed'], skills: ['kubernetes', 'go', 'ml pipelines'], timeZone: 'Asia/Tokyo', capacityHours: 40 },
  { name: 'Sofia Rossi', email: 'sofia.rossi@outpost.local', title: 'Solutions Architect', roles: ['solutions_architect'], skills: ['architecture', 'security reviews'], timeZone: 'Europe/Rome', capacityHours: 40 },
  { name: 'Daniel Kim', email: 'daniel.kim@outpost.local', title: 'Sales Engineer', roles: ['sales_engineer'], skills: ['demos', 'rfp', 'poc'], timeZone: 'America/Los_Angeles', capacityHours: 40 },
  { name: 'Hannah Müller', email: 'hannah.mueller@outpost.local', title: 'Technical Account Manager', roles: ['technical_account_manager'], skills: ['escalations', 'business reviews'], timeZone: 'Europe/Berlin', capacityHours: 40 },
  { name: 'Omar Haddad', email: 'omar.haddad@outpost.local', title: 'Technical Account Manager', roles: ['technical_account_manager'], skills: ['enterprise accounts', 'renewals'], timeZone: 'America/New_York', capacityHours: 40 },
  { name: 'Chloe Martin', email: 'chloe.martin@outpost.local', title: 'Customer Success Engineer', roles: ['customer_success'], skills: ['onboarding', 'training'], timeZone: 'America/Toronto', capacityHours: 40 },
  { name: 'Nora Lindqvist', email: 'nora.lindqvist@outpost.local', title: 'Customer Success Engineer', roles: ['customer_success'], skills: ['adoption', 'health playbooks'], timeZone: 'Europe/Stockholm', capacityHours: 32 },
  { name: 'Ravi Patel', email: 'ravi.patel@outpost.local', title: 'Product Manager', roles: ['stakeholder'], skills: ['roadmap'], timeZone: 'America/Los_Angeles', capacityHours: 40 },
];

export const DEMO_PASSWORD = 'outpost-demo';
export const DEMO_ADMIN_EMAIL = 'admin@outpost.local';

/** Fictional customers; domains are theirs for e-mail matching. */
export const DEMO_ACCOUNTS: { name: string; domain: string }[] = [
  { name: 'Northwind Logistics', domain: 'northwind-logistics.com' },
  { name: 'Helios Energy', domain: 'helios-energy.com' },
  { name: 'Bluefin Capital', domain: 'bluefincapital.com' },
  { name: 'Cedar Health Partners', domain: 'cedarhealth.org' },
  { name: 'Kestrel Aerospace', domain: 'kestrel-aero.com' },
  { name: 'Maple Street Bank', domain: 'maplestreetbank.com' },
  { name: 'Orbital Retail Group', domain: 'orbitalretail.com' },
  { name: 'Pinecrest University', domain: 'pinecrest.edu' },
  { name: 'Quantum Freight', domain: 'quantumfreight.io' },
  { name: 'Riverbend Manufacturing', domain: 'riverbend-mfg.com' },
  { name: 'Summit Insurance', domain: 'summitinsure.com' },
  { name: 'Tidewater Utilities', domain: 'tidewater-utilities.com' },
  { name: 'Umbra Media', domain: 'umbramedia.tv' },
  { name: 'Vantage Telecom', domain: 'vantagetel.net' },
  { name: 'Willow Pharmaceuticals', domain: 'willowpharma.com' },
  { name: 'Xenon Analytics', domain: 'xenon-analytics.io' },
  { name: 'Yellowstone Outfitters', domain: 'yellowstoneoutfitters.com' },
  { name: 'Zephyr Mobility', domain: 'zephyrmobility.com' },
  { name: 'Atlas Construction', domain: 'atlas-construction.com' },
  { name: 'Brightwave Software', domain: 'brightwave.dev' },
  { name: 'Copperleaf Foods', domain: 'copperleaffoods.com' },
  { name: 'Driftwood Hotels', domain: 'driftwoodhotels.com' },
  { name: 'Evergreen Public Schools', domain: 'evergreen-schools.org' },
  { name: 'Falcon Security', domain: 'falconsec.com' },
  { name: 'Granite Legal LLP', domain: 'granitelegal.com' },
  { name: 'Harborview Medical Center', domain: 'harborviewmed.org' },
  { name: 'Ironclad Robotics', domain: 'ironcladrobotics.com' },
  { name: 'Juniper Travel', domain: 'junipertravel.com' },
  { name: 'Lumen Biotech', domain: 'lumenbio.com' },
  { name: 'Meridian Shipping', domain: 'meridianshipping.com' },
];

export const FIRST_NAMES = [
  'Alex', 'Jordan', 'Sam', 'Taylor', 'Morgan', 'Casey', 'Jamie', 'Riley', 'Avery', 'Quinn', 'Maria', 'Ahmed', 'Wei', 'Fatima',
  'Lucas', 'Isabel', 'Noah', 'Mia', 'Kenji', 'Aisha', 'Mateo', 'Leila', 'Oliver', 'Zara', 'Ethan', 'Ingrid', 'Kwame', 'Sara',
];
export const LAST_NAMES = [
  'Garcia', 'Nguyen', 'Smith', 'Johansson', 'Okoye', 'Kowalski', 'Dubois', 'Silva', 'Brown', 'Yamamoto', 'Schneider', 'Ali',
  'Novak', 'Fischer', 'Costa', 'Murphy', 'Ivanova', 'Mensah', 'Larsen', 'Moreau', 'Singh', 'Park', 'Romero', 'Walsh',
];

export const CONTACT_TITLES = {
  decision_maker: ['VP of Engineering', 'CIO', 'Director of IT', 'CTO', 'Head of Operations'],
  champion: ['Platform Lead', 'Engineering Manager', 'Senior Architect', 'Product Owner'],
  end_user: ['Operations Analyst', 'Support Lead', 'Data Engineer', 'Software Engineer'],
  it_admin: ['Systems Administrator', 'IT Manager', 'DevOps Engineer', 'Security Engineer'],
} as const;

export const INTERACTION_SUBJECTS = {
  meeting: ['Weekly sync', 'Roadmap check-in', 'Integration planning', 'Escalation review', 'Adoption review'],
  call: ['Quick call about SSO', 'Call on invoice question', 'Follow-up call on outage', 'Check-in call'],
  email: ['Release notes follow-up', 'Answered questions on API limits', 'Sent upgrade guide', 'Shared security whitepaper'],
  site_visit: ['On-site install of appliance', 'Data-centre visit', 'On-site architecture session'],
  training: ['Admin training', 'End-user training', 'Reporting workshop for analysts'],
  demo: ['Demo of the analytics module', 'Demo of new workflow builder', 'Demo for new stakeholders'],
  workshop: ['Solution design workshop', 'Migration planning workshop', 'Security hardening workshop'],
  business_review: ['Quarterly business review', 'Executive business review', 'Annual value review'],
} as const;
