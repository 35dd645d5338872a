import { describe, expect, it } from 'vitest';
import { placeholderValues, renderMacro } from './render.js';

const values = placeholderValues({
  requesterName: 'Peter Gibbons',
  ticketNumber: 42,
  ticketSubject: 'TPS export fails',
  accountName: 'Initech',
  agentName: 'Joanna',
});

describe('macro rendering', () => {
  it('fills every known placeholder', () => {
    const out = renderMacro(
      'Hi {{requester.first_name}} ({{requester.name}}), re #{{ticket.number}} "{{ticket.subject}}" at {{account.name}}. — {{agent.name}}',
      values,
    );
    expect(out).toEqual({ text: 'Hi Peter (Peter Gibbons), re #42 "TPS export fails" at Initech. — Joanna', unknownPlaceholders: [] });
  });

  it('accepts spaces inside the braces and any case', () => {
    expect(renderMacro('Hi {{ requester.first_name }} / {{Agent.Name}}', values).text).toBe('Hi Peter / Joanna');
  });

  it('leaves unknown placeholders visible and reports them once each', () => {
    const out = renderMacro('Hi {{requester.frist_name}}, {{ticket.due}} and {{ticket.due}} {{agent.name}}', values);
    expect(out.text).toBe('Hi {{requester.frist_name}}, {{ticket.due}} and {{ticket.due}} Joanna');
    expect(out.unknownPlaceholders).toEqual(['requester.frist_name', 'ticket.due']);
  });

  it('leaves text without placeholders, single braces and empty braces alone', () => {
    expect(renderMacro('Plain {text} and {{}} here', values)).toEqual({ text: 'Plain {text} and {{}} here', unknownPlaceholders: [] });
  });

  it('uses the whole name as first name for a one-word name', () => {
    expect(
      placeholderValues({ requesterName: '  Cher ', ticketNumber: 1, ticketSubject: '', accountName: '', agentName: '' })[
        'requester.first_name'
      ],
    ).toBe('Cher');
  });
});
