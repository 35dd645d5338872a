import { wireModules } from '../../src/app/wire-modules.js';

// Tests call module services directly; they get the same ports the server wires at start-up.
wireModules();

// The /api/v2 rate limit (700 a minute per caller, like Zendesk) would throttle the suites that call
// every route many times; the rate-limit test builds its own server with a small limit.
process.env.OUTPOST_API_RATE_LIMIT ??= '1000000';
