import type { CaseSet } from './write-case.js';

const PRODUCT = 'Fixture Platform';
const window = { startsAt: '2026-03-07T22:00:00Z', endsAt: '2026-03-08T02:00:00Z' };

/** Customer environments, the release catalogue and upgrade campaigns (issue 5). */
export const environmentCases: CaseSet = {
  async fixtures({ admin, f }) {
    const ok = <T>(res: { statusCode: number; body: string; json(): T }) => {
      if (res.statusCode >= 300) throw new Error(`environment fixture failed: ${res.body}`);
      return res.json();
    };
    const old = ok<{ id: string }>(
      await admin.request({
        method: 'POST',
        url: '/api/releases',
        payload: { product: PRODUCT, version: '1.0', releasedOn: '2025-01-01' },
      }),
    );
    await admin.request({ method: 'POST', url: '/api/releases', payload: { product: PRODUCT, version: '1.1', releasedOn: '2025-06-01' } });
    const env = ok<{ id: string }>(
      await admin.request({
        method: 'POST',
        url: `/api/accounts/${f.accountId}/environments`,
        payload: { name: 'production', product: PRODUCT, version: '1.0', hosting: 'cloud' },
      }),
    );
    const customisation = ok<{ id: string }>(
      await admin.request({
        method: 'POST',
        url: `/api/environments/${env.id}/customisations`,
        payload: { title: 'Fixture customisation' },
      }),
    );
    const campaign = ok<{ id: string }>(
      await admin.request({
        method: 'POST',
        url: '/api/campaigns',
        payload: { name: 'Fixture campaign', product: PRODUCT, targetVersion: '1.1', filters: { accountIds: [f.accountId] } },
      }),
    );
    return { releaseId: old.id, environmentId: env.id, customisationId: customisation.id, campaignId: campaign.id };
  },
  cases: {
    'POST /api/releases': {
      url: () => '/api/releases',
      validBody: () => ({ product: PRODUCT, version: '9.0', releasedOn: '2026-01-01' }),
      wrongTypes: { body: { product: PRODUCT, version: 9, releasedOn: '2026-01-01' }, path: 'version' },
    },
    'PATCH /api/releases/:id': {
      url: (f) => `/api/releases/${f.releaseId}`,
      validBody: () => ({ supported: false }),
      wrongTypes: { body: { supported: 'no' }, path: 'supported' },
      unknownId: { url: '/api/releases/no-such-release', body: { supported: false }, code: 'releases.not_found' },
    },
    'POST /api/accounts/:id/environments': {
      url: (f) => `/api/accounts/${f.accountId}/environments`,
      validBody: () => ({ name: 'staging', product: PRODUCT, version: '1.0', hosting: 'cloud' }),
      wrongTypes: { body: { name: 'staging', product: PRODUCT, version: '1.0', hosting: 'cloud', contactIds: 'bill' }, path: 'contactIds' },
      unknownId: {
        url: '/api/accounts/no-such-account/environments',
        body: { name: 'staging', product: PRODUCT, version: '1.0', hosting: 'cloud' },
        code: 'accounts.not_found',
      },
    },
    'PATCH /api/environments/:id': {
      url: (f) => `/api/environments/${f.environmentId}`,
      validBody: () => ({ region: 'eu-west-1' }),
      wrongTypes: { body: { hosting: 'basement' }, path: 'hosting' },
      unknownId: { url: '/api/environments/no-such-environment', body: { region: 'eu-west-1' }, code: 'environments.not_found' },
    },
    'PUT /api/environments/:id/configuration': {
      url: (f) => `/api/environments/${f.environmentId}/configuration`,
      validBody: () => ({ configuration: '{"pool": 20}' }),
      wrongTypes: { body: { configuration: '{"pool": 20,' }, path: 'configuration' },
      unknownId: {
        url: '/api/environments/no-such-environment/configuration',
        body: { configuration: '{}' },
        code: 'environments.not_found',
      },
    },
    'POST /api/environments/:id/customisations': {
      url: (f) => `/api/environments/${f.environmentId}/customisations`,
      validBody: () => ({ title: 'Custom SSO claim mapping' }),
      wrongTypes: { body: { title: 'Custom', repositoryUrl: 42 }, path: 'repositoryUrl' },
      unknownId: { url: '/api/environments/no-such-environment/customisations', body: { title: 'Custom' }, code: 'environments.not_found' },
    },
    'PATCH /api/environments/:id/customisations/:customisationId': {
      url: (f) => `/api/environments/${f.environmentId}/customisations/${f.customisationId}`,
      validBody: () => ({ reason: 'Customer asked' }),
      wrongTypes: { body: { title: ['x'] }, path: 'title' },
      unknownId: {
        url: '/api/environments/no-such-environment/customisations/no-such-customisation',
        body: { reason: 'x' },
        code: 'environments.not_found',
      },
    },
    'DELETE /api/environments/:id/customisations/:customisationId': {
      url: (f) => `/api/environments/${f.environmentId}/customisations/${f.customisationId}`,
      validBody: null,
      unknownId: { url: '/api/environments/no-such-environment/customisations/no-such-customisation', code: 'environments.not_found' },
    },
    'POST /api/campaigns': {
      url: () => '/api/campaigns',
      validBody: () => ({ name: 'Upgrade', product: PRODUCT, targetVersion: '1.1' }),
      wrongTypes: {
        body: { name: 'Upgrade', product: PRODUCT, targetVersion: '1.1', windows: [{ ...window, endsAt: '2026-03-07T21:00:00Z' }] },
        path: 'windows.0.endsAt',
      },
    },
    'PATCH /api/campaigns/:id': {
      url: (f) => `/api/campaigns/${f.campaignId}`,
      validBody: () => ({ name: 'Renamed' }),
      wrongTypes: { body: { status: 'paused' }, path: 'status' },
      unknownId: { url: '/api/campaigns/no-such-campaign', body: { name: 'Renamed' }, code: 'campaigns.not_found' },
    },
    'PUT /api/campaigns/:id/windows': {
      url: (f) => `/api/campaigns/${f.campaignId}/windows`,
      validBody: () => ({ windows: [window] }),
      wrongTypes: { body: { windows: [{ startsAt: 'tonight', endsAt: window.endsAt }] }, path: 'windows.0.startsAt' },
      unknownId: { url: '/api/campaigns/no-such-campaign/windows', body: { windows: [window] }, code: 'campaigns.not_found' },
    },
    'POST /api/campaigns/:id/environments': {
      url: (f) => `/api/campaigns/${f.campaignId}/environments`,
      validBody: (f) => ({ deploymentIds: [f.environmentId] }),
      wrongTypes: { body: { deploymentIds: 'all' }, path: 'deploymentIds' },
      unknownId: { url: '/api/campaigns/no-such-campaign/environments', body: { deploymentIds: ['x'] }, code: 'campaigns.not_found' },
    },
    'POST /api/campaigns/:id/environments/:deploymentId/state': {
      url: (f) => `/api/campaigns/${f.campaignId}/environments/${f.environmentId}/state`,
      validBody: () => ({ state: 'in_progress' }),
      wrongTypes: { body: { state: 'finished' }, path: 'state' },
      unknownId: {
        url: '/api/campaigns/no-such-campaign/environments/no-such-environment/state',
        body: { state: 'in_progress' },
        code: 'campaigns.not_found',
      },
    },
  },
};
