import { describe, expect, it } from 'vitest';
import { parseQuery, toFts5Query, toTsQuery } from './query-text.js';
import { markedToHtml } from './snippet-html.js';

describe('search query text', () => {
  it('matches every word and the last one as a prefix', () => {
    const q = parseQuery('Export time');
    expect(toFts5Query(q)).toBe('"export" "time"*');
    expect(toTsQuery(q)).toBe("'export' & 'time':*");
    expect(toTsQuery(q, 'A')).toBe("'export':A & 'time':*A");
  });

  it('keeps a balanced quoted phrase as a phrase and does not prefix a closed quote', () => {
    const q = parseQuery('"first certificate" webhook "tls"');
    expect(toFts5Query(q)).toBe('"first certificate" "webhook" "tls"');
    expect(toTsQuery(q)).toBe("('first' <-> 'certificate') & 'webhook' & 'tls'");
  });

  it('turns operators, brackets and stray quotes into nothing but plain words', () => {
    expect(toFts5Query(parseQuery('foo" OR ('))).toBe('"foo" "or"*');
    expect(toTsQuery(parseQuery("a & b | !c:* <-> 'd")).replace(/\s+/g, ' ')).toBe("'a' & 'b' & 'c' & 'd'");
    expect(parseQuery('*** () "" : - ^').terms).toEqual([]);
    expect(toFts5Query(parseQuery('NEAR(a b) AND NOT c'))).toBe('"near" "a" "b" "and" "not" "c"');
  });

  it('folds diacritics and case as both indexes do, and splits e-mail addresses into words', () => {
    expect(toFts5Query(parseQuery('José MÜLLER'))).toBe('"jose" "muller"*');
    expect(toFts5Query(parseQuery('bill@initech.com'))).toBe('"bill" "initech" "com"*');
  });

  it('does not prefix-match a single letter', () => {
    expect(toFts5Query(parseQuery('vitamin c'))).toBe('"vitamin" "c"');
  });

  it('caps the number of terms so a pasted page cannot become a huge query', () => {
    expect(parseQuery('word '.repeat(500)).terms.length).toBeLessThanOrEqual(12);
  });
});

describe('snippet HTML', () => {
  it('escapes everything and wraps only marked stretches in <mark>', () => {
    expect(markedToHtml('<b>\u0001fix\u0002</b> & "more"')).toBe('&lt;b&gt;<mark>fix</mark>&lt;/b&gt; &amp; &quot;more&quot;');
    expect(markedToHtml('unclosed \u0001mark')).toBe('unclosed <mark>mark</mark>');
  });
});
