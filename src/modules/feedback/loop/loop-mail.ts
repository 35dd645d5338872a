/**
 * What a contact and an account team are told when a request ships. Pure text, so the wording is
 * tested with plain values and kept in one place.
 */

export interface ShippedRequest {
  id: string;
  title: string;
  targetRelease: string | null;
}

const shippedIn = (r: ShippedRequest) => (r.targetRelease ? ` in release ${r.targetRelease}` : '');

/** The portal notice a contact keeps. */
export function composeNotice(request: ShippedRequest): { title: string; body: string } {
  return {
    title: `Shipped: ${request.title}`,
    body: `You asked us for “${request.title}”. It has shipped${shippedIn(request)}. Thank you for telling us what you needed.`,
  };
}

/** The e-mail to the contact: the notice, a link to the portal's product updates and how to stop them. */
export function composeContactMail(request: ShippedRequest, contactName: string, updatesUrl: string): { subject: string; text: string } {
  const text = [
    `Hello ${contactName},`,
    '',
    `you asked us for “${request.title}”. We are glad to tell you it has shipped${shippedIn(request)}.`,
    '',
    `See what else is planned and every update you were sent: ${updatesUrl}`,
    '',
    'Thank you for telling us what you needed.',
    '',
    `You get this because you gave us this feedback. To stop product updates, switch them off at ${updatesUrl}`,
  ].join('\n');
  return { subject: `Shipped: ${request.title}`, text };
}

/** The account team's notification: which of their customers asked, and how many contacts were told. */
export function composeTeamMessage(
  request: ShippedRequest,
  accounts: readonly { name: string; contactsTold: number }[],
): { title: string; body: string } {
  const names = accounts.map((a) => `${a.name} (${a.contactsTold === 1 ? '1 contact told' : `${a.contactsTold} contacts told`})`);
  return {
    title: `Shipped: ${request.title}`,
    body: `“${request.title}” has shipped${shippedIn(request)}. Your accounts asked for it: ${names.join(', ')}.`,
  };
}
