import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../kernel/errors.js';
import { changeContext } from '../../../kernel/request-context.js';
import { trackerSettingsBody, trackerSettingsSchema, webhookResultSchema } from '../contract/engineering.js';
import { openSecret, readTrackers, saveTrackerSettings, trackerSettingsView } from './tracker-settings.js';
import { applyTrackerChange, githubChange, jiraChange } from './tracker-webhooks.js';
import { githubSignatureValid, sharedSecretValid } from './webhook-signature.js';

const tags = ['engineering trackers'];
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A webhook body: the exact bytes the tracker signed, and their JSON. */
interface WebhookBody {
  raw: Buffer;
  json: unknown;
}

/**
 * Keeps the raw bytes beside the parsed JSON, with the same refusals as every other JSON body
 * (input-boundary.ts): invalid UTF-8, malformed JSON and NUL characters are a 400 before any handler.
 */
function parseWebhookBody(raw: Buffer): WebhookBody {
  let text: string;
  try {
    text = strictUtf8.decode(raw);
  } catch {
    throw errors.invalidUtf8({ location: 'body' });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw errors.malformedJson();
  }
  // No text column takes NUL (PostgreSQL refuses it); JSON can only carry it escaped.
  if (text.includes('\\u0000')) throw errors.nulCharacter({ location: 'body' });
  return { raw, json };
}

function webhookBody(body: unknown): WebhookBody {
  const b = body as Partial<WebhookBody> | undefined;
  if (!b || !Buffer.isBuffer(b.raw)) throw errors.trackerPayloadInvalid();
  return b as WebhookBody;
}

/** Tracker set-up (admins) and the inbound webhooks GitHub and Jira call. */
export const trackerRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/engineering-trackers',
    {
      config: { access: 'settings.manage' },
      schema: { tags, summary: 'The tracker set-up (secrets never shown)', response: { 200: trackerSettingsSchema } },
    },
    async () => trackerSettingsView(await readTrackers(db())),
  );

  app.put(
    '/api/engineering-trackers',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags,
        summary: 'Set up GitHub or Jira; a secret left out keeps its stored value',
        body: trackerSettingsBody,
        response: { 200: trackerSettingsSchema },
      },
    },
    async (request) => saveTrackerSettings(db(), changeContext(request), request.body),
  );

  // The webhooks sign the exact bytes sent, so these routes keep the raw body (their own JSON
  // parser, in this scope only) and parse it once the signature is checked.
  await app.register(async (scope) => {
    const hooks = scope.withTypeProvider<ZodTypeProvider>();
    hooks.removeContentTypeParser('application/json');
    hooks.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
      try {
        done(null, parseWebhookBody(body as Buffer));
      } catch (err) {
        done(err as Error, undefined);
      }
    });
    const rawConfig = { access: 'public' as const };

    hooks.post(
      '/api/engineering-trackers/github/webhook',
      {
        config: rawConfig,
        schema: {
          tags,
          summary: 'GitHub `issues` events (X-Hub-Signature-256 verified): status, fix release (milestone), title',
          description:
            'A delivery (X-GitHub-Delivery) is applied once; a replay answers 200 "duplicate". A bad signature is 401 and changes nothing.',
          response: { 200: webhookResultSchema },
        },
      },
      async (request) => {
        const secret = openSecret((await readTrackers(db())).github?.webhookSecretSealed ?? null);
        const body = webhookBody(request.body);
        const signature = request.headers['x-hub-signature-256'];
        if (!secret || !githubSignatureValid(secret, body.raw, typeof signature === 'string' ? signature : undefined)) {
          throw errors.trackerSignatureInvalid();
        }
        const payload = body.json;
        const deliveryHeader = request.headers['x-github-delivery'];
        const event = request.headers['x-github-event'];
        const deliveryId = typeof deliveryHeader === 'string' && deliveryHeader ? deliveryHeader.slice(0, 200) : null;
        if (!deliveryId) throw errors.trackerPayloadInvalid({ header: 'X-GitHub-Delivery' });
        return applyTrackerChange(
          db(),
          'github',
          deliveryId,
          githubChange(typeof event === 'string' ? event : undefined, deliveryId, payload),
        );
      },
    );

    hooks.post(
      '/api/engineering-trackers/jira/webhook',
      {
        config: rawConfig,
        schema: {
          tags,
          summary: 'Jira `jira:issue_updated` events (shared secret in X-Webhook-Secret or ?secret=): status and fix version',
          querystring: z.object({ secret: z.string().max(500).optional() }),
          response: { 200: webhookResultSchema },
        },
      },
      async (request) => {
        const secret = openSecret((await readTrackers(db())).jira?.webhookSecretSealed ?? null);
        const header = request.headers['x-webhook-secret'];
        const given = typeof header === 'string' ? header : request.query.secret;
        if (!secret || !sharedSecretValid(secret, given)) throw errors.trackerSignatureInvalid();
        const payload = webhookBody(request.body).json as { timestamp?: number; issue?: { key?: string } };
        // Jira Cloud names each delivery in X-Atlassian-Webhook-Identifier; without it the event's
        // issue and timestamp identify it.
        const idHeader = request.headers['x-atlassian-webhook-identifier'];
        const deliveryId =
          typeof idHeader === 'string' && idHeader ? idHeader.slice(0, 200) : `${payload.issue?.key ?? ''}@${payload.timestamp ?? ''}`;
        return applyTrackerChange(db(), 'jira', deliveryId, jiraChange(deliveryId, payload));
      },
    );
  });
};
