import { make } from './make.js';

/**
 * Errors of the platform module: webhooks and notifications. Spread into the one catalogue in
 * ../errors.ts.
 */
export const platformErrors = {
  webhookNotFound: make('webhooks.not_found', 404, 'No webhook subscription with this id.'),
  deliveryNotFound: make('webhooks.delivery_not_found', 404, 'No webhook delivery with this id.'),
  // feedback: loop
  notificationNotFound: make('notifications.not_found', 404, 'No notification of yours with this id.'),
};
