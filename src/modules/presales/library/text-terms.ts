/**
 * How library text becomes search terms: words, minus the words every security questionnaire
 * repeats ("please describe whether your company…"), folded to a rough English stem so that
 * "encrypted", "encrypts" and "encryption" meet. Pure functions, no I/O.
 */

/** English function words plus questionnaire boilerplate: they match everything and rank nothing. */
const STOP_WORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers him his how ' +
    'i if in into is it its itself just me more most my no nor not now of off on once only or other our ours out over own ' +
    'same she should so some such than that the their theirs them then there these they this those through to too under ' +
    'until up very was we were what when where whether which while who whom why will with would you your yours yourself yourselves ' +
    'either neither may might must shall us via within without whose ' +
    // questionnaire boilerplate
    'please describe explain detail details provide list confirm indicate state specify outline ' +
    'company organization organisation vendor supplier solution service services offering product ' +
    'yes etc currently also'
  ).split(' '),
);

/** Suffix rules, longest first: [suffix, replacement]. A rule applies only if at least three letters remain. */
const SUFFIXES: readonly (readonly [string, string])[] = [
  ['izations', 'ize'],
  ['ization', 'ize'],
  ['isations', 'ize'],
  ['isation', 'ize'],
  ['ational', 'ate'],
  ['abilities', 'abl'],
  ['ability', 'abl'],
  ['ibility', 'ibl'],
  ['fulness', ''],
  ['ousness', 'ous'],
  ['iveness', ''],
  ['ations', 'ate'],
  ['ation', 'ate'],
  ['ments', ''],
  ['ment', ''],
  ['ness', ''],
  ['ings', ''],
  ['ing', ''],
  ['ions', ''],
  ['ion', ''],
  ['ities', ''],
  ['ity', ''],
  ['ies', 'y'],
  ['ied', 'y'],
  ['ers', ''],
  ['er', ''],
  ['ely', ''],
  ['ly', ''],
  ['ed', ''],
  ['ive', ''],
  ['ful', ''],
];

/**
 * A rough English stem (a small Porter-style suffix stripper): enough to join the inflections a
 * questionnaire uses; it need not be a real word, only the same for both sides of a match.
 *
 * @example stem('encryption') === stem('encrypted') // 'encrypt'
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  let stripped = false;
  for (const [suffix, replacement] of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, w.length - suffix.length) + replacement;
      stripped = true;
      break;
    }
  }
  if (!stripped) {
    if (/(sses|xes|zes|ches|shes)$/.test(w)) w = w.slice(0, -2);
    else if (w.endsWith('s') && !/(ss|us|is)$/.test(w) && w.length > 3) w = w.slice(0, -1);
  }
  // A doubled final consonant left by -ed/-ing ("logged" → "logg") folds to one.
  if (stripped && /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}]/u;
const isApostrophe = (c: number) => c === 39 || c === 0x2019;
const isJoiner = (c: number) => c === 45 || c === 46 || c === 47 || isApostrophe(c); // - . / ' ’

function isWordChar(c: number, text: string, i: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  return NON_ASCII_WORD_CHAR.test(text[i]!);
}

/** A run with digits or joiners: its words, joined and apart. */
function splitCompound(raw: string, out: string[]): void {
  const word = raw.replace(/['’]s$/u, '');
  if (/^\d+(\.\d+)+$/.test(word)) {
    out.push(word); // a version or a decimal
    return;
  }
  const parts = word.split(/['’.\-/]+/).filter(Boolean);
  for (const part of parts) {
    out.push(part);
    // Letters and digits run together ("soc2", "2fa", "aes256"): their pieces too.
    const pieces = part.match(/\p{L}+|\p{N}+/gu);
    if (pieces && pieces.length > 1) out.push(...pieces);
  }
  if (parts.length > 1 && /[-/]/.test(word)) out.push(parts.join(''));
}

/**
 * Splits text into lower-case words, so that the spellings questionnaires mix still meet:
 * "sub-processors" also reads as "subprocessors" (and the reverse), "SOC2" also as "soc" "2",
 * "TLS 1.2" keeps "1.2" whole, and a possessive "vendor's" is "vendor". A hand-written scanner:
 * it runs over every word of the library each time the index is built (a million words at 10,000
 * entries), where a regular expression per word took four times as long.
 */
export function tokenize(text: string): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  const n = lower.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(lower.charCodeAt(i), lower, i)) {
      i++;
      continue;
    }
    const start = i;
    let plain = true;
    while (i < n) {
      const c = lower.charCodeAt(i);
      if (isWordChar(c, lower, i)) {
        if (c >= 48 && c <= 57) plain = false;
        i++;
      } else if (isJoiner(c) && i + 1 < n && isWordChar(lower.charCodeAt(i + 1), lower, i + 1)) {
        plain = false;
        i++;
      } else break;
    }
    const run = lower.slice(start, i);
    if (plain) out.push(run);
    else splitCompound(run, out);
  }
  return out;
}

const memo = new Map<string, string | null>();
const MEMO_LIMIT = 200_000;

/** One word as a search term, or null when it carries no meaning for ranking. */
export function searchTerm(word: string): string | null {
  const w = word.toLowerCase();
  let term = memo.get(w);
  if (term !== undefined) return term;
  term = STOP_WORDS.has(w) || (w.length === 1 && !/\d/.test(w)) ? null : stem(w);
  // Bounded: a library's vocabulary is a few tens of thousands of words; stray queries must not grow it forever.
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(w, term);
  return term;
}

/** A text's search terms in order, repeats kept (their counts are the term frequencies). */
export function termsOf(text: string): string[] {
  const out: string[] = [];
  for (const word of tokenize(text)) {
    const term = searchTerm(word);
    if (term) out.push(term);
  }
  return out;
}

/** The distinct search terms of a text, in order of appearance. */
export function searchTermsOf(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const word of tokenize(text)) {
    const term = searchTerm(word);
    if (term && !seen.has(term)) {
      seen.add(term);
      out.push(term);
    }
  }
  return out;
}

/**
 * The key under which two question texts count as "the same question" (an import row updates the
 * entry with the same key): case, spacing and trailing punctuation do not matter.
 */
export function questionKey(question: string): string {
  return question
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s?.!:;]+$/u, '');
}
