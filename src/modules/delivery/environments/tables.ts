import type { CampaignStatus, DeploymentStatus, Hosting, UpgradeState } from '../contract/kinds.js';

/** Customer environments, releases and upgrade campaigns (DESIGN §2, delivery); merged into `Database` in src/db/schema.ts. */
export interface EnvironmentTables {
  releases: ReleasesTable;
  deployments: DeploymentsTable;
  deployment_config_versions: DeploymentConfigVersionsTable;
  deployment_customisations: DeploymentCustomisationsTable;
  deployment_contacts: DeploymentContactsTable;
  upgrade_campaigns: UpgradeCampaignsTable;
  campaign_windows: CampaignWindowsTable;
  campaign_deployments: CampaignDeploymentsTable;
  campaign_deployment_events: CampaignDeploymentEventsTable;
}

// The value lists live in the contract (the web app shares them); re-exported for the server's files.
export { CAMPAIGN_STATUSES, DEPLOYMENT_STATUSES, HOSTING_KINDS, UPGRADE_STATES } from '../contract/kinds.js';
export type { CampaignStatus, DeploymentStatus, Hosting, UpgradeState } from '../contract/kinds.js';

export interface ReleasesTable {
  id: string;
  product: string;
  version: string;
  released_on: string;
  notes: string;
  supported: number;
  created_at: string;
  updated_at: string;
}

export interface DeploymentsTable {
  id: string;
  account_id: string;
  name: string;
  name_lower: string;
  product: string;
  version: string;
  hosting: Hosting;
  region: string | null;
  /** JSON object text, pretty-printed; every change adds a row to deployment_config_versions. */
  configuration: string;
  config_version: number;
  status: DeploymentStatus;
  last_upgraded_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface DeploymentConfigVersionsTable {
  deployment_id: string;
  version: number;
  configuration: string;
  note: string | null;
  changed_by: string | null;
  changed_at: string;
}

export interface DeploymentCustomisationsTable {
  id: string;
  deployment_id: string;
  title: string;
  reason: string | null;
  owner_id: string | null;
  repository_url: string | null;
  created_at: string;
  updated_at: string;
}

export interface DeploymentContactsTable {
  deployment_id: string;
  contact_id: string;
  position: number;
}

export interface UpgradeCampaignsTable {
  id: string;
  name: string;
  product: string;
  target_version: string;
  owner_id: string | null;
  status: CampaignStatus;
  description: string | null;
  filters: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CampaignWindowsTable {
  id: string;
  campaign_id: string;
  starts_at: string;
  ends_at: string;
  note: string | null;
}

export interface CampaignDeploymentsTable {
  campaign_id: string;
  deployment_id: string;
  state: UpgradeState;
  from_version: string;
  note: string | null;
  ticket_id: string | null;
  updated_by: string | null;
  added_at: string;
  updated_at: string;
}

export interface CampaignDeploymentEventsTable {
  id: string;
  campaign_id: string;
  deployment_id: string;
  from_state: UpgradeState | null;
  to_state: UpgradeState;
  note: string | null;
  ticket_id: string | null;
  actor_id: string | null;
  at: string;
}
