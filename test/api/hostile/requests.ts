/**
 * One generated hostile request for an operation: hostile path ids, query values and cursors, and a
 * body that is a mutated JSON object, a value of the wrong type, malformed JSON, invalid UTF-8 or
 * the wrong content type.
 */
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import type { Operation } from './openapi.js';
import { hostileCursor, hostileId, hostileString, hostileValue, mutatedObject, oneHostileField, plausible } from './values.js';

export interface HostileRequest {
  method: Operation['method'];
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

const RAW_BODIES: (string | Buffer)[] = [
  '',
  '{',
  '{"a":',
  '{"a":1}}',
  '{a:1}',
  "{'a':1}",
  'null',
  '[]',
  '"text"',
  '12',
  'NaN',
  '{"a":1,"a":2}',
  '{"__proto__":{"isAdmin":true}}',
  '\uFEFF{}',
  '{"a":"\\u0000"}',
  '{"a":"\\ud800"}',
  `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
  `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`,
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
  Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
];

const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=xyz',
  'application/xml',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/jsonx',
  'message/rfc822',
  ';;;',
];

/** `encodeURIComponent`, except that a lone surrogate (which it refuses) is sent as U+FFFD. */
export function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
}

function encodeSegment(id: { raw: string; encode: boolean }): string {
  return id.encode ? encode(id.raw) : id.raw;
}

/** A query string from each parameter (missing, plausible, hostile, repeated) plus stray ones. */
function queryArb(op: Operation, ids: string[]): fc.Arbitrary<string> {
  const parts = op.query.map((p) =>
    fc
      .oneof(
        { weight: 3, arbitrary: fc.constant<string[] | null>(null) },
        { weight: 2, arbitrary: plausible(p.schema, ids).map((v) => [String(v)]) },
        { weight: 2, arbitrary: (p.name === 'cursor' ? hostileCursor : hostileString).map((v) => [v]) },
        { weight: 1, arbitrary: fc.array(hostileString, { minLength: 2, maxLength: 3 }) },
        { weight: 1, arbitrary: fc.constantFrom(['%00'], ['%C3%28'], ['%'], ['a%zz']).map((v) => v.map((s) => `\u0001${s}`)) },
      )
      .map((values) => (values ? values.map((v) => `${p.name}=${v.startsWith('\u0001') ? v.slice(1) : encode(v)}`) : [])),
  );
  const stray = fc.option(
    fc.tuple(hostileString, hostileString).map(([k, v]) => [`${encode(k)}=${encode(v)}`]),
    { freq: 5 },
  );
  return fc.tuple(fc.tuple(...parts), stray).map(([each, extra]) => [...each.flat(), ...(extra ?? [])].join('&'));
}

function bodyArb(op: Operation, ids: string[]): fc.Arbitrary<Pick<HostileRequest, 'headers' | 'payload'>> {
  const json = (value: unknown) => ({ headers: { 'content-type': 'application/json' }, payload: JSON.stringify(value) ?? 'null' });
  const options: fc.WeightedArbitrary<Pick<HostileRequest, 'headers' | 'payload'>>[] = [
    { weight: 2, arbitrary: hostileValue.map(json) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...RAW_BODIES).map((payload) => ({ headers: { 'content-type': 'application/json' }, payload })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...WRONG_CONTENT_TYPES),
          fc.constantFrom<string | Buffer>('a=1&b=2', '{"a":1}', '<x/>', '--xyz\r\n\r\n', Buffer.from([0xc3, 0x28])),
        )
        .map(([type, payload]) => ({ headers: { 'content-type': type }, payload })),
    },
    { weight: 1, arbitrary: fc.constant({ headers: {}, payload: '{"a":1}' }) },
  ];
  if (op.body) {
    const schema = op.body;
    if (schema.type === 'object') {
      options.push(
        { weight: 5, arbitrary: mutatedObject(schema, ids).map(json) },
        { weight: 5, arbitrary: oneHostileField(schema, ids).map(json) },
      );
    } else {
      options.push({ weight: 8, arbitrary: plausible(schema, ids).map(json) });
    }
  } else if (op.method !== 'GET') {
    options.push({ weight: 4, arbitrary: fc.constant({ headers: {}, payload: undefined }) });
  }
  return fc.oneof(...options);
}

/** A hostile request for `op`; `ids` are real ids of fixtures that a path or a field may name. */
export function requestArb(op: Operation, ids: string[]): fc.Arbitrary<HostileRequest> {
  const path = fc.tuple(...op.pathParams.map(() => hostileId(ids))).map((values) => {
    let i = 0;
    return op.path.replace(/\{\w+\}/g, () => encodeSegment(values[i++]!));
  });
  const body = op.method === 'GET' ? fc.constant({ headers: {}, payload: undefined }) : bodyArb(op, ids);
  return fc.tuple(path, queryArb(op, ids), body).map(([url, query, b]) => ({
    method: op.method,
    url: query ? `${url}?${query}` : url,
    headers: b.headers,
    ...(b.payload !== undefined ? { payload: b.payload } : {}),
  }));
}

export function describeRequest(r: HostileRequest): string {
  const body = r.payload === undefined ? '' : ` body=${String(r.payload).slice(0, 300)}${String(r.payload).length > 300 ? '…' : ''}`;
  return `${r.method} ${r.url.slice(0, 300)} ${JSON.stringify(r.headers)}${body}`;
}

export type { InjectOptions };
