import { AppError, make } from './make.js';

/**
 * Errors of support's ticket types and custom ticket fields, and account tags and notes (issue 18). Spread into the one catalogue in ../errors.ts.
 * Details name the request `field` a form shows the message under.
 */
export const ticketFieldsErrors = {
  ticketFieldNotFound: make('ticket_fields.not_found', 404, 'No ticket field with this id.'),
  /** A value that does not fit its field's type: the message names the field and what it takes. */
  ticketFieldValueInvalid: (fieldTitle: string, expected: string, fieldId: string) =>
    new AppError('ticket_fields.value_invalid', 422, `“${fieldTitle}” takes ${expected}.`, { field: 'customFields', fieldId }),
  ticketFieldUnknown: (fieldId: string) =>
    new AppError('ticket_fields.unknown_field', 422, `No ticket field with id “${fieldId}”: choose one of the desk’s fields.`, {
      field: 'customFields',
      fieldId,
    }),
  ticketFieldInactive: (fieldTitle: string, fieldId: string) =>
    new AppError('ticket_fields.inactive', 422, `“${fieldTitle}” is deactivated: it keeps its old values but takes no new ones.`, {
      field: 'customFields',
      fieldId,
    }),
  ticketFieldOptionsNeeded: make(
    'ticket_fields.options_needed',
    422,
    'A drop-down or multi-select field needs at least one option, each with a distinct value.',
  ),
  ticketFieldPatternNeeded: make(
    'ticket_fields.pattern_needed',
    422,
    'A regular-expression field needs a valid pattern to check values against.',
  ),
  ticketFieldTypeLocked: make(
    'ticket_fields.type_locked',
    409,
    'This field already holds values, so its type cannot change; deactivate it and add a new field instead.',
  ),
  ticketFieldOptionInUse: (value: string) =>
    new AppError(
      'ticket_fields.option_in_use',
      409,
      `Tickets still hold the option “${value}”; keep it, or deactivate the field and add a new one.`,
      { field: 'options', value },
    ),
};
