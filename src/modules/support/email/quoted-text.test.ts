import { describe, expect, it } from 'vitest';
import { automatedMailReason } from './automated-mail.js';
import { stripQuotedReply } from './quoted-text.js';

describe('the new part of a reply mail', () => {
  it('cuts at the attribution line and everything quoted below it', () => {
    const mail =
      'Still failing after the fix.\r\n\r\nOn Tue, 3 Mar 2026 at 10:00, Ann <ann@outpost.local> wrote:\r\n> Fixed now.\r\n> Ann\r\n';
    expect(stripQuotedReply(mail)).toBe('Still failing after the fix.');
  });

  it('recognises an attribution line a client wrapped over two lines', () => {
    expect(stripQuotedReply('Thanks!\n\nOn Tue, 3 Mar 2026 at 10:00, Outpost Support\n<support@outpost.local> wrote:\n> Done.')).toBe(
      'Thanks!',
    );
  });

  it('cuts at an Outlook original-message divider', () => {
    expect(stripQuotedReply('See below.\n\n-----Original Message-----\nFrom: Support\nSent: Monday\n\nFixed.')).toBe('See below.');
  });

  it('drops quoted lines interleaved with answers, keeping the answers', () => {
    expect(stripQuotedReply('> Which version?\n4.2.1\n> Which OS?\nUbuntu 24.04')).toBe('4.2.1\nUbuntu 24.04');
  });

  it('keeps the full text when stripping would leave nothing', () => {
    expect(stripQuotedReply('> only a quote\n> nothing else')).toBe('> only a quote\n> nothing else');
  });

  it('leaves a mail without quotes alone, including a sentence that starts with "On"', () => {
    expect(stripQuotedReply('On Monday the export failed.\nIt worked on Sunday.')).toBe(
      'On Monday the export failed.\nIt worked on Sunday.',
    );
  });
});

describe('machine-generated mail', () => {
  const headers = (h: Record<string, unknown>) => new Map(Object.entries(h));

  it('is recognised by Auto-Submitted, Precedence, auto-reply headers, system senders and delivery reports', () => {
    expect(automatedMailReason(headers({ 'auto-submitted': 'auto-replied' }), 'ann@initech.com')).toBe('Auto-Submitted: auto-replied');
    expect(automatedMailReason(headers({ precedence: 'bulk' }), 'ann@initech.com')).toBe('Precedence: bulk');
    expect(automatedMailReason(headers({ 'x-autoreply': 'yes' }), 'ann@initech.com')).toBe('X-Autoreply');
    expect(automatedMailReason(headers({}), 'MAILER-DAEMON@mx.initech.com')).toBe('sent by MAILER-DAEMON');
    expect(automatedMailReason(headers({ 'content-type': { value: 'multipart/report', params: {} } }), 'x@initech.com')).toBe(
      'delivery status report',
    );
  });

  it('lets a person’s mail through, including one that says Auto-Submitted: no', () => {
    expect(automatedMailReason(headers({ 'auto-submitted': 'no', 'content-type': { value: 'text/plain' } }), 'ann@initech.com')).toBeNull();
  });
});
