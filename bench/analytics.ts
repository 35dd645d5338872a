/**
 * The analytics loads (issue 15): the SLA-attainment chart by month and the daily backlog chart over
 * the default period (the last six months), as the support manager's page asks for them.
 * Target: p95 ≤ 500 ms at 1M tickets.
 */
export function analyticsLoads(member: Record<string, string>): Record<string, { path: () => string; headers: Record<string, string> }> {
  return {
    analytics_sla: { path: () => '/api/analytics/support/sla-attainment?by=month', headers: member },
    analytics_backlog: { path: () => '/api/analytics/support/backlog?interval=day', headers: member },
  };
}
