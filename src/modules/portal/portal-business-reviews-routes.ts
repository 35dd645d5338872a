import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contactOf } from '../../kernel/request-context.js';
import { portalBusinessReviewListSchema, portalBusinessReviewSchema } from '../success/contract/reviews.js';
import { getPortalReview, listPortalReviews, reviewPdf, reviewPdfName } from '../success/index.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['portal'];

/**
 * Business reviews in the portal. A contact sees every review shared with anyone at their account
 * (a review is addressed to the customer, like the account's tickets), never another account's;
 * anything else answers 404.
 */
export const portalBusinessReviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/portal/business-reviews',
    {
      config: { access: 'portal' },
      schema: {
        tags,
        summary: 'Business reviews shared with your organisation, newest first',
        response: { 200: portalBusinessReviewListSchema },
      },
    },
    async (request) => listPortalReviews(db(), contactOf(request).accountId, contactOf(request).contactId),
  );

  app.get(
    '/api/portal/business-reviews/:id',
    {
      config: { access: 'portal' },
      schema: {
        tags,
        summary: 'A business review shared with your organisation',
        params: idParams,
        response: { 200: portalBusinessReviewSchema },
      },
    },
    async (request) => getPortalReview(db(), contactOf(request).accountId, contactOf(request).contactId, request.params.id),
  );

  app.get(
    '/api/portal/business-reviews/:id/pdf',
    { config: { access: 'portal' }, schema: { tags, summary: 'A shared business review as a PDF', params: idParams } },
    async (request, reply) => {
      const review = await getPortalReview(db(), contactOf(request).accountId, contactOf(request).contactId, request.params.id);
      const pdf = await reviewPdf(review);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${reviewPdfName(review)}"`)
        .send(pdf);
    },
  );
};
