import { insertOpportunity } from '../../../src/modules/presales/opportunities/test-opportunities.js';
import type { CaseSet } from './write-case.js';

/** A multipart body holding a one-line text file and an item's metadata, as the upload screen sends it. */
function collateralUpload(title: string) {
  const boundary = '----outpostfixture';
  const body = [
    `--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n${JSON.stringify({ title, kind: 'datasheet' })}\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="fixture.txt"\r\nContent-Type: text/plain\r\n\r\nFixture datasheet\r\n`,
    `--${boundary}--\r\n`,
  ].join('');
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Presales collateral write routes (issue 16). */
export const presalesCollateralCases: CaseSet = {
  async fixtures({ t, admin, f }) {
    const created = await admin.request({ method: 'POST', url: '/api/collateral', ...collateralUpload('Fixture datasheet') });
    if (created.statusCode !== 201) throw new Error(`collateral fixture: ${created.body}`);
    const item = created.json() as { id: string; versions: { id: string }[] };
    const opportunityId = await insertOpportunity(t.db.kysely, f.accountId, { name: 'Collateral fixture deal' });
    const sent = await admin.request({
      method: 'POST',
      url: `/api/opportunities/${opportunityId}/collateral-sends`,
      payload: { versionId: item.versions[0]!.id },
    });
    if (sent.statusCode !== 201) throw new Error(`collateral send fixture: ${sent.body}`);
    return {
      collateralId: item.id,
      collateralVersionId: item.versions[0]!.id,
      collateralOpportunityId: opportunityId,
      collateralSendId: (sent.json() as { id: string }).id,
    };
  },
  cases: {
    // Multipart bodies: a JSON body is refused before the handler (malformed, too large).
    'POST /api/collateral': { url: () => '/api/collateral', validBody: null },
    'POST /api/collateral/:id/versions': {
      url: (f) => `/api/collateral/${f.collateralId}/versions`,
      validBody: null,
      unknownId: { url: '/api/collateral/no-such-item/versions', code: 'collateral.not_found' },
    },
    'PATCH /api/collateral/:id': {
      url: (f) => `/api/collateral/${f.collateralId}`,
      validBody: () => ({ tags: ['fixture'] }),
      wrongTypes: { body: { tags: 'fixture' }, path: 'tags' },
      unknownId: { url: '/api/collateral/no-such-item', body: { status: 'archived' }, code: 'collateral.not_found' },
    },
    'POST /api/opportunities/:id/collateral-sends': {
      url: (f) => `/api/opportunities/${f.collateralOpportunityId}/collateral-sends`,
      validBody: (f) => ({ versionId: f.collateralVersionId, contactIds: [f.contactId], note: 'Fixture send' }),
      wrongTypes: { body: { versionId: 42 }, path: 'versionId' },
      unknownId: {
        url: '/api/opportunities/no-such-opportunity/collateral-sends',
        body: { versionId: 'no-such-version' },
        code: 'opportunities.not_found',
      },
    },
    'DELETE /api/opportunities/:id/collateral-sends/:sendId': {
      url: (f) => `/api/opportunities/${f.collateralOpportunityId}/collateral-sends/${f.collateralSendId}`,
      validBody: null,
      unknownId: { url: '/api/opportunities/no-such-opportunity/collateral-sends/no-such-send', code: 'collateral.send_not_found' },
    },
  },
};
