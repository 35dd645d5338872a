import { describe, expect, it } from 'vitest';
import { rankRunbooks, scoreRunbook, SUGGESTION_WEIGHTS } from './suggestions.js';

const ticket = (over: Partial<{ tags: string[]; subject: string; firstMessage: string }> = {}) => ({
  tags: [],
  subject: '',
  firstMessage: '',
  ...over,
});

describe('runbook suggestion scoring', () => {
  it('scores each shared tag, and keywords higher in the subject than in the first message', () => {
    const score = scoreRunbook(
      { tags: ['sso', 'login', 'billing'], keywords: ['saml', 'certificate', 'okta'] },
      ticket({ tags: ['login', 'sso', 'urgent'], subject: 'SAML login broken', firstMessage: 'Our Okta admin rotated something.' }),
    );
    expect(score.matchedTags).toEqual(['sso', 'login']);
    expect(score.matchedKeywords).toEqual(['saml', 'okta']);
    expect(score.score).toBe(2 * SUGGESTION_WEIGHTS.tag + SUGGESTION_WEIGHTS.subjectKeyword + SUGGESTION_WEIGHTS.messageKeyword);
  });

  it('counts a keyword once even when it is in both subject and message', () => {
    const score = scoreRunbook(
      { tags: [], keywords: ['export'] },
      ticket({ subject: 'Export fails', firstMessage: 'the export times out' }),
    );
    expect(score).toEqual({ score: SUGGESTION_WEIGHTS.subjectKeyword, matchedTags: [], matchedKeywords: ['export'] });
  });

  it('matches whole words and phrases regardless of case and punctuation, never inside other words', () => {
    expect(scoreRunbook({ tags: [], keywords: ['sso login'] }, ticket({ subject: 'SSO-Login failed!' })).matchedKeywords).toEqual([
      'sso login',
    ]);
    expect(scoreRunbook({ tags: [], keywords: ['port'] }, ticket({ subject: 'Export and report fail' })).score).toBe(0);
    expect(scoreRunbook({ tags: [], keywords: ['429'] }, ticket({ firstMessage: 'We get HTTP 429, then nothing.' })).score).toBe(
      SUGGESTION_WEIGHTS.messageKeyword,
    );
    expect(scoreRunbook({ tags: [], keywords: ['größe'] }, ticket({ subject: 'Datei-Größe zu hoch' })).matchedKeywords).toEqual(['größe']);
  });

  it('scores nothing for a runbook with no tags or keywords, and ignores duplicate tags', () => {
    expect(scoreRunbook({ tags: [], keywords: [] }, ticket({ tags: ['sso'], subject: 'sso' })).score).toBe(0);
    expect(scoreRunbook({ tags: ['sso', 'SSO'], keywords: [] }, ticket({ tags: ['sso'] })).score).toBe(SUGGESTION_WEIGHTS.tag);
  });

  it('ranks matching runbooks best first, ties by title, drops non-matching ones and keeps the limit', () => {
    const runbooks = [
      { title: 'Zeta reset', tags: ['sso'], keywords: [] },
      { title: 'Alpha reset', tags: ['sso'], keywords: [] },
      { title: 'Rate limits', tags: ['api'], keywords: ['429', 'rate limit'] },
      { title: 'Unrelated', tags: ['billing'], keywords: ['invoice'] },
    ];
    const ranked = rankRunbooks(runbooks, ticket({ tags: ['sso', 'api'], subject: 'HTTP 429 rate limit on sync' }));
    expect(ranked.map((r) => [r.runbook.title, r.score])).toEqual([
      ['Rate limits', SUGGESTION_WEIGHTS.tag + 2 * SUGGESTION_WEIGHTS.subjectKeyword],
      ['Alpha reset', SUGGESTION_WEIGHTS.tag],
      ['Zeta reset', SUGGESTION_WEIGHTS.tag],
    ]);
    expect(rankRunbooks(runbooks, ticket({ tags: ['sso', 'api'] }), 1).map((r) => r.runbook.title)).toEqual(['Alpha reset']);
  });
});
