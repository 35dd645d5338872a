import { describe, expect, it } from 'vitest';
import { collateralSearchText, foldText, searchWords, tagKeys } from './search-text.js';

describe('collateral search folding', () => {
  it('folds case and accents the same way for the stored text and the search', () => {
    expect(foldText('Résumé ÉNERGIE Ångström')).toBe('resume energie angstrom');
    expect(collateralSearchText({ title: 'Grid Guide', description: 'Übersicht', tags: ['SOC 2'] })).toBe('grid guide\nsoc 2\nubersicht');
    expect(searchWords('  Grid   RÉSUMÉ ')).toEqual(['grid', 'resume']);
    expect(searchWords(undefined)).toEqual([]);
    expect(searchWords(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))).toHaveLength(10);
  });

  it('keeps one folded key per tag, quoted in a JSON array for the tag filter', () => {
    expect(tagKeys(['SOC 2', 'soc 2', 'Énergie'])).toBe('["soc 2","energie"]');
  });
});
