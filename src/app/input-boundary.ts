import type { FastifyInstance } from 'fastify';
import { errors } from '../kernel/errors.js';

// One boundary for all input: a body, a path or a query value reaches a route only as valid UTF-8
// without NUL characters. PostgreSQL refuses NUL in text (a 500 once it reached the database) while
// SQLite stores it, and invalid UTF-8 would be stored as replacement characters; both are refused
// here with a 400 before any route or database sees them, identically on both databases.

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The first NUL found in a parsed JSON value (in a key or a string), as a path for the error. */
function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return path;
      const found = nulPath(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/**
 * The URL's bytes after percent-decoding, checked as UTF-8. Node hands the request line over as
 * latin1 characters, so raw UTF-8 and percent-escapes both become bytes here.
 */
function urlProblem(url: string): 'nul' | 'utf8' | null {
  const bytes = Buffer.from(
    url.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );
  if (bytes.includes(0)) return 'nul';
  try {
    strictUtf8.decode(bytes);
    return null;
  } catch {
    return 'utf8';
  }
}

/** Installs the JSON body parser and the URL check on every route. */
export function installInputBoundary(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body as Buffer);
    } catch {
      done(errors.invalidUtf8({ location: 'body' }), undefined);
      return;
    }
    parseJson(request, text, (err, parsed) => {
      if (err) return done(err, undefined);
      const path = nulPath(parsed, '');
      if (path !== null) return done(errors.nulCharacter({ location: 'body', path }), undefined);
      done(null, parsed);
    });
  });

  app.addHook('onRequest', async (request) => {
    const problem = urlProblem(request.url);
    if (problem === 'nul') throw errors.nulCharacter({ location: 'url' });
    if (problem === 'utf8') throw errors.invalidUtf8({ location: 'url' });
  });
}
