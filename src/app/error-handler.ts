import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from '../kernel/contract/errors.js';
import { AppError } from '../kernel/errors.js';
import { toAppError, type DbError } from '../kernel/http-errors.js';
import { zendeskError } from '../modules/zendesk/index.js';

/** Turns every error into the one shape: `{"error": {"code", "message", "details"}}`. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError & DbError, request, reply) => {
    const appError = toAppError(err, request);
    void reply
      .status(appError.statusCode)
      .send({ error: { code: appError.code, message: appError.message, details: appError.details } } satisfies ErrorBody);
  });
}

/**
 * The router's own refusals — a path that is not valid percent-encoding (`/api/tickets/%zz`) or a
 * path parameter past its length limit — never reach the error handler: Fastify answers them itself
 * in a shape of its own unless the server is built with this as its `frameworkErrors` option.
 */
export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  let appError: AppError;
  if (err.code === 'FST_ERR_BAD_URL') {
    appError = new AppError('request.bad_url', 400, 'The request path is not valid percent-encoded UTF-8.', { location: 'url' });
  } else if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    appError = new AppError('request.path_too_long', 414, 'A value in the request path is longer than any id.', { location: 'url' });
  } else {
    request.log.error({ err }, 'router error');
    appError = new AppError('server.error', 500, 'Something went wrong on our side; it has been logged.');
  }
  if (request.url.startsWith('/api/v2/')) {
    // The Zendesk-compatible API answers in Zendesk's error shape even before routing.
    const { status, body } = zendeskError(appError);
    void reply.status(status).send(body);
    return;
  }
  void reply
    .status(appError.statusCode)
    .send({ error: { code: appError.code, message: appError.message, details: appError.details } } satisfies ErrorBody);
}
