import type { z } from 'zod';

// Numbers the server coerces from the query string (`z.coerce.number()`) take any input in zod;
// the web app sends them as numbers or text.
type Wire<T> = unknown extends T ? string | number : T;

/**
 * The query string of a GET endpoint as the web app builds it, keyed and typed by the endpoint's
 * contract schema (`accountListQuery`, say): every parameter may be left out.
 */
export type QueryParams<S extends z.ZodType> = { [K in keyof z.input<S>]?: Wire<z.input<S>[K]> };
