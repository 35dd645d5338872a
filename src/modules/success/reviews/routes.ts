import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeContext } from '../../../kernel/request-context.js';
import { businessReviewListSchema, businessReviewSchema, createReviewBody, sendReviewBody, updateReviewBody } from '../contract/reviews.js';
import { reviewPdf, reviewPdfName } from './review-pdf-service.js';
import { deleteReview, generateReview, getReview, listAccountReviews, sendReview, updateReview } from './review-service.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['business reviews'];

/**
 * Business reviews: account owners generate, edit and send them (success.write); anyone who reads
 * accounts reads them and downloads the PDF.
 */
export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.post(
    '/api/accounts/:id/business-reviews',
    {
      config: { access: 'success.write' },
      schema: {
        tags,
        summary: 'Generate a draft review of the account for a period (at most a year) from live data',
        params: idParams,
        body: createReviewBody,
        response: { 201: businessReviewSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await generateReview(db(), changeContext(request), request.params.id, request.body)),
  );

  app.get(
    '/api/accounts/:id/business-reviews',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'The account’s business reviews, newest first',
        params: idParams,
        response: { 200: businessReviewListSchema },
      },
    },
    async (request) => listAccountReviews(db(), request.params.id),
  );

  app.get(
    '/api/business-reviews/:id',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'A business review: its figures as generated, its sections and recipients',
        params: idParams,
        response: { 200: businessReviewSchema },
      },
    },
    async (request) => getReview(db(), request.params.id),
  );

  app.patch(
    '/api/business-reviews/:id',
    {
      config: { access: 'success.write' },
      schema: {
        tags,
        summary: 'Change the title or the Markdown of sections (a sent review is read-only: 409)',
        params: idParams,
        body: updateReviewBody,
        response: { 200: businessReviewSchema },
      },
    },
    async (request) => updateReview(db(), changeContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/business-reviews/:id',
    {
      config: { access: 'success.write' },
      schema: { tags, summary: 'Delete a draft review (a sent review stays: 409)', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await deleteReview(db(), changeContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/business-reviews/:id/send',
    {
      config: { access: 'success.write' },
      schema: {
        tags,
        summary:
          'Share the review in the portal with contacts of its account, file a business_review interaction and e-mail each contact a link (once: 409 after)',
        params: idParams,
        body: sendReviewBody,
        response: { 200: businessReviewSchema },
      },
    },
    async (request) => sendReview(db(), changeContext(request), request.params.id, request.body),
  );

  app.get(
    '/api/business-reviews/:id/pdf',
    {
      config: { access: 'accounts.read' },
      schema: { tags, summary: 'The review as a PDF, charts included (application/pdf)', params: idParams },
    },
    async (request, reply) => {
      const review = await getReview(db(), request.params.id);
      const pdf = await reviewPdf(review);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${reviewPdfName(review)}"`)
        .send(pdf);
    },
  );
};
