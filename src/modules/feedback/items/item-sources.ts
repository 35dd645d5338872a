import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { errors } from '../../../kernel/errors.js';
import { interactionRef } from '../../accounts/index.js';
import { engagementTaskRef, pocCriterionRef } from '../../delivery/index.js';
import { getTicket } from '../../support/index.js';
import type { FeedbackSource } from '../contract/kinds.js';
import { feedbackPorts } from '../ports.js';

/** What an item's source tells the capture: the account it belongs to, a label and a page to link back to. */
export interface ResolvedSource {
  accountId: string | null;
  /** The contact the source names (a ticket's requester), used when the capture names none. */
  contactId: string | null;
  label: string;
  url: string | null;
}

const day = (iso: string) => iso.slice(0, 10);

/**
 * Reads the record an item is captured from, through its owner's public functions (pre-sales
 * records through the `presalesSources` port: presales sits above feedback). A source id that
 * names nothing is a 422 on `sourceId`.
 */
export async function resolveSource(db: Kysely<Database>, type: FeedbackSource, id: string | null | undefined): Promise<ResolvedSource> {
  if (type === 'manual') return { accountId: null, contactId: null, label: 'Captured by hand', url: null };
  if (!id) throw errors.referenceMissing(type.replace(/_/g, ' '), 'sourceId');
  switch (type) {
    case 'ticket': {
      const ticket = await getTicket(db, id).catch(() => null);
      if (!ticket) throw errors.referenceMissing('ticket', 'sourceId');
      return {
        accountId: ticket.account.id,
        contactId: ticket.requester.id,
        label: `Ticket #${ticket.number} · ${ticket.subject}`,
        url: `/tickets/${ticket.id}`,
      };
    }
    case 'interaction': {
      const interaction = await interactionRef(db, id);
      if (!interaction) throw errors.referenceMissing('interaction', 'sourceId');
      return {
        accountId: interaction.accountId,
        contactId: null,
        label: `${interaction.subject} (${interaction.kind.replace(/_/g, ' ')}, ${day(interaction.occurredAt)})`,
        url: `/accounts/${interaction.accountId}`,
      };
    }
    case 'poc_criterion':
    case 'engagement_task': {
      const record = type === 'poc_criterion' ? await pocCriterionRef(db, id) : await engagementTaskRef(db, id);
      if (!record) throw errors.referenceMissing(type === 'poc_criterion' ? 'POC criterion' : 'engagement task', 'sourceId');
      return {
        accountId: record.accountId,
        contactId: null,
        label: `${type === 'poc_criterion' ? 'POC criterion' : 'Task'} · ${record.title} (${record.engagementName})`,
        url: `/engagements/${record.engagementId}`,
      };
    }
    case 'opportunity':
    case 'questionnaire_question': {
      const sources = feedbackPorts().presalesSources;
      const record = type === 'opportunity' ? await sources.opportunity(db, id) : await sources.questionnaireQuestion(db, id);
      if (!record) throw errors.referenceMissing(type === 'opportunity' ? 'opportunity' : 'questionnaire question', 'sourceId');
      return { accountId: record.accountId, contactId: null, label: record.label, url: record.url };
    }
    case 'uat_result':
      return { accountId: null, contactId: null, label: 'UAT result', url: null };
  }
}
