import { describe, expect, it } from 'vitest';
import { idf, scoreCandidates } from './candidate-score.js';
import { excerpt } from './excerpt.js';
import { parseQuery } from './query-text.js';
import { MARK_END as E, MARK_START as S } from './snippet-html.js';

const WEIGHTS = [10, 4, 1];

describe('scoring a bounded candidate set from highlights', () => {
  it('ranks a title match above a body match, and more matches above fewer', () => {
    const [title, body, twice, none] = scoreCandidates(parseQuery('kerberos'), [1], WEIGHTS, [
      { marked: [`${S}Kerberos${E} handshake fails`, '#12', 'Users cannot sign in.'] },
      { marked: ['Slow dashboard', '#13', `Maybe the ${S}kerberos${E} change.`] },
      { marked: ['Slow dashboard', '#14', `The ${S}kerberos${E} change, again ${S}kerberos${E}.`] },
      { marked: ['Other', '#15', 'nothing'] },
    ]);
    expect(title).toBeGreaterThan(twice!);
    expect(twice).toBeGreaterThan(body!);
    expect(none).toBe(0);
  });

  it('credits a prefix match and a phrase to their terms, weighted by rarity', () => {
    const query = parseQuery('"first certificate" webh');
    const [rareTerm, commonTerm] = scoreCandidates(query, [idf(1000, 5), idf(1000, 500)], WEIGHTS, [
      { marked: ['', '', `the ${S}first certificate${E} failed`] },
      { marked: ['', '', `${S}webhooks${E} failed`] },
    ]);
    expect(rareTerm).toBeGreaterThan(commonTerm!);
    expect(commonTerm).toBeGreaterThan(0);
  });
});

describe('excerpts from a highlighted text', () => {
  it('keeps a short text whole and cuts a long one around its matches', () => {
    expect(excerpt(`a ${S}b${E} c`, 24)).toBe(`a ${S}b${E} c`);
    const words = Array.from({ length: 100 }, (_, i) => (i === 60 ? `${S}needle${E}` : `w${i}`));
    const cut = excerpt(words.join(' '), 10);
    expect(cut.startsWith('…w58 w59 ')).toBe(true);
    expect(cut).toContain(`${S}needle${E}`);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.split(' ')).toHaveLength(10);
  });

  it('closes a mark the window cuts through', () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    words[8] = `${S}w8`;
    words[12] = `w12${E}`;
    const cut = excerpt(words.join(' '), 5);
    expect(cut.split(S).length).toBe(cut.split(E).length);
  });
});
