/** What an invited contact reads: the e-mail that goes with the invitation shown in their portal. */
export interface InvitationMailInput {
  roundTitle: string;
  accountName: string;
  contactName: string;
  caseCount: number;
  /** The round's page in the portal; a signed-out contact is asked to sign in first. */
  link: string;
  senderName: string | null;
}

/**
 * The invitation e-mail, plain text: what to test, where, and what sign-off means. It carries no
 * sign-in link of its own, so a forwarded invitation lets nobody in.
 */
export function composeInvitationMail(input: InvitationMailInput): { subject: string; text: string } {
  const cases =
    input.caseCount === 0
      ? 'The test cases are being written; they will be on the page when you open it.'
      : `There ${input.caseCount === 1 ? 'is 1 test case' : `are ${input.caseCount} test cases`} to run.`;
  const text = [
    `Hello ${input.contactName},`,
    '',
    `you are invited to the acceptance test "${input.roundTitle}" for ${input.accountName}. ${cases}`,
    'For each case, follow the steps and record whether you saw the expected result (pass) or not (fail, with what you saw).',
    'When every case passes, one of you signs the round off with your name.',
    '',
    `Open the round in the customer portal: ${input.link}`,
    '',
    input.senderName ? `Thank you,\n${input.senderName}` : 'Thank you.',
  ].join('\n');
  return { subject: `Acceptance test: ${input.roundTitle}`, text };
}
