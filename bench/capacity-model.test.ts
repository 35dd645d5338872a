import { describe, expect, it } from 'vitest';
import {
  capacityTable,
  databaseLimit,
  DEFAULT_ASSUMPTIONS,
  fallbackShare,
  mixRequest,
  nodeRequestsPerSecond,
  nodesByConnections,
  type CapacityAssumptions,
  type EndpointCost,
} from './capacity-model.js';

const assumptions: CapacityAssumptions = {
  utilisationCeiling: 0.5,
  fallbackReadsPerWrite: 1,
  replayShare: 0.5,
  connectionsPerNode: 14,
  usableConnections: 92,
};
const costs: Record<string, EndpointCost> = {
  queue_view: { appCpuMs: 4, dbCpuMs: 2, write: false },
  add_reply: { appCpuMs: 8, dbCpuMs: 4, write: true },
};
// 80 queue views and 20 replies per 100 requests.
const mixed = mixRequest(costs, { queue_view: 80, add_reply: 20 });

describe('the capacity model', () => {
  it('weighs each endpoint by its share of the mix, whatever the weights add up to', () => {
    expect(mixed).toEqual({
      appCpuMs: expect.closeTo(4.8, 10),
      dbReadCpuMs: expect.closeTo(1.6, 10),
      dbWriteCpuMs: expect.closeTo(0.8, 10),
      writeShare: expect.closeTo(0.2, 10),
    });
    expect(mixRequest(costs, { queue_view: 4, add_reply: 1 })).toEqual(mixed);
  });

  it('refuses an endpoint it has no cost for, and an empty mix', () => {
    expect(() => mixRequest(costs, { search: 10 })).toThrow('No measured cost for search');
    expect(() => mixRequest(costs, {})).toThrow('no requests');
  });

  it('gives a node one core at the utilisation ceiling', () => {
    // 0.5 × 1,000 ms ÷ 4.8 ms.
    expect(nodeRequestsPerSecond(mixed, assumptions)).toBeCloseTo(104.17, 2);
  });

  it('gives a primary without replicas all the database work', () => {
    // 0.5 × 8 cores × 1,000 ms ÷ 2.4 ms.
    expect(databaseLimit(mixed, 8, 0, assumptions)).toEqual({ requestsPerSecond: expect.closeTo(4000 / 2.4, 6), limitedBy: 'primary' });
  });

  it('keeps the reads that follow a write on the primary', () => {
    // 20 writes, each followed by one read of the 80: a quarter of the reads.
    expect(fallbackShare(mixed, assumptions)).toBeCloseTo(0.25, 10);
    expect(fallbackShare(mixRequest(costs, { add_reply: 1 }), assumptions)).toBe(1);
  });

  it('moves the other reads to the replicas, which also replay every write', () => {
    // Primary: 0.8 + 0.25 × 1.6 = 1.2 ms a request. One replica: 0.75 × 1.6 + 0.5 × 0.8 = 1.6 ms.
    expect(databaseLimit(mixed, 8, 1, assumptions)).toEqual({ requestsPerSecond: expect.closeTo(4000 / 1.6, 6), limitedBy: 'replicas' });
    // Two replicas: 0.6 + 0.4 = 1.0 ms each, so the primary's 1.2 ms is the limit.
    const two = databaseLimit(mixed, 8, 2, assumptions);
    expect(two.limitedBy).toBe('primary');
    expect(two.requestsPerSecond).toBeCloseTo(4000 / 1.2, 6);
  });

  it('counts the nodes whose connections the primary can hold', () => {
    expect(nodesByConnections(assumptions)).toBe(6);
    expect(nodesByConnections({ ...DEFAULT_ASSUMPTIONS, usableConnections: 500 - 3 })).toBe(35);
  });

  it('tabulates nodes per database tier for each primary size and replica count', () => {
    const rows = capacityTable(mixed, [2, 8], [0, 2], assumptions);
    expect(rows.map((r) => [r.cores, r.replicas, r.limitedBy])).toEqual([
      [2, 0, 'primary'],
      [2, 2, 'primary'],
      [8, 0, 'primary'],
      [8, 2, 'primary'],
    ]);
    // 8 cores alone: 1,666.7 requests/s ÷ 104.2 per node = 16 nodes.
    expect(rows[2]!.nodes).toBeCloseTo(16, 6);
  });
});
