import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { recordAudit } from '../../../kernel/audit.js';
import { errors } from '../../../kernel/errors.js';
import { readSetting, writeSetting } from '../../../kernel/settings.js';
import { inTransaction } from '../../../kernel/transaction.js';
import type { TimeCategory } from '../contract/time-entries.js';
import { DEFAULT_ROLE_PROFILE_RULES, roleProfileRulesSchema, type MemberProfile, type RoleProfileRules } from '../contract/profile.js';
import { memberRefs, memberRoleSets } from '../members/member-reads.js';
import { teamPorts } from '../ports.js';
import { nearestRole } from './nearest-role.js';
import { daysBetween, judgeProfile, type AccountContact } from './role-profile.js';

/**
 * Role profiles (issue 17), read from time entries and the ports' interactions and accounts, and
 * judged by the pure rules in role-profile.ts. A batch of members costs the same few queries as one.
 */
export interface ProfilePeriod {
  from?: string | undefined;
  to?: string | undefined;
}

export const ROLE_PROFILE_RULES_KEY = 'team.role_profile_rules';
const DAY_MS = 86_400_000;
const MAX_PERIOD_DAYS = 366;

export async function roleProfileRules(db: Kysely<Database>): Promise<RoleProfileRules> {
  const stored = await readSetting<Partial<RoleProfileRules>>(db, ROLE_PROFILE_RULES_KEY, {});
  // A rule added after the setting was saved takes its default.
  const parsed = roleProfileRulesSchema.safeParse({ ...DEFAULT_ROLE_PROFILE_RULES, ...stored });
  return parsed.success ? parsed.data : DEFAULT_ROLE_PROFILE_RULES;
}

export async function saveRoleProfileRules(db: Kysely<Database>, ctx: ChangeContext, rules: RoleProfileRules): Promise<RoleProfileRules> {
  const before = await roleProfileRules(db);
  await inTransaction(db, async (trx) => {
    await writeSetting(trx, ROLE_PROFILE_RULES_KEY, rules);
    await recordAudit(trx, ctx, {
      action: 'settings.role_profile_rules_changed',
      recordType: 'setting',
      recordId: ROLE_PROFILE_RULES_KEY,
      changes: { rules: [before, rules] },
    });
  });
  return rules;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The period asked for, with the rules' default length before `to` (today) filled in. */
export function resolvePeriod(period: ProfilePeriod, rules: RoleProfileRules, now: Date): { from: string; to: string } {
  const to = period.to ?? isoDay(now.getTime());
  const from = period.from ?? isoDay(Date.parse(`${to}T00:00:00Z`) - (rules.defaultPeriodDays - 1) * DAY_MS);
  if (from > to || daysBetween(from, to) + 1 > MAX_PERIOD_DAYS) throw errors.profilePeriodInvalid({ field: from > to ? 'from' : 'to' });
  return { from, to };
}

/** Every given member's profile over one period (the team view's batch). Unknown ids are absent. */
export async function memberProfiles(
  db: Kysely<Database>,
  memberIds: readonly string[],
  period: ProfilePeriod,
  now = new Date(),
): Promise<Map<string, MemberProfile>> {
  const rules = await roleProfileRules(db);
  const { from, to } = resolvePeriod(period, rules, now);
  const members = await memberRefs(db, memberIds);
  const ids = [...members.keys()];
  if (!ids.length) return new Map();
  const start = new Date(`${from}T00:00:00Z`).toISOString();
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS).toISOString();
  const sources = teamPorts().profileSources;

  const [roles, totals, linkedTime, attended, workMix] = await Promise.all([
    memberRoleSets(db, ids),
    db
      .selectFrom('time_entries')
      .select(['member_id', 'category'])
      .select((eb) => eb.fn.sum<number>('minutes').as('minutes'))
      .where('member_id', 'in', ids)
      .where('started_at', '>=', start)
      .where('started_at', '<', end)
      .groupBy(['member_id', 'category'])
      .execute(),
    // Customer-linked time: the days a member logged time on an account's work.
    db
      .selectFrom('time_entries')
      .select(['member_id', 'account_id', 'started_at'])
      .where('member_id', 'in', ids)
      .where('account_id', 'is not', null)
      .where('started_at', '>=', start)
      .where('started_at', '<', end)
      .execute(),
    sources.interactionsAttended(db, ids, from, to),
    Promise.all(sources.workMix.map((source) => source(db, ids, from, to))).then((lists) => lists.flat()),
  ]);

  const contacts = new Map<string, AccountContact[]>(ids.map((id) => [id, []]));
  for (const t of linkedTime) contacts.get(t.member_id)?.push({ accountId: t.account_id!, date: String(t.started_at) });
  for (const i of attended) contacts.get(i.memberId)?.push({ accountId: i.accountId, date: i.occurredAt });
  const accounts = await sources.accountFacts(db, [
    ...new Set([...[...contacts.values()].flat().map((c) => c.accountId), ...workMix.flatMap((s) => (s.accountId ? [s.accountId] : []))]),
  ]);

  const minutes = new Map<string, Partial<Record<TimeCategory, number>>>();
  for (const r of totals) minutes.set(r.member_id, { ...minutes.get(r.member_id), [r.category]: Number(r.minutes) });
  const signals = new Map<string, Map<string, number>>(ids.map((id) => [id, new Map()]));
  for (const s of workMix) {
    // Tickets from the company's own staff are IT help-desk work, whatever their tier.
    const kind = s.kind.startsWith('ticket_') && s.accountId && accounts.get(s.accountId)?.internal ? 'ticket_internal' : s.kind;
    const mine = signals.get(s.memberId);
    mine?.set(kind, (mine.get(kind) ?? 0) + s.count);
  }

  const out = new Map<string, MemberProfile>();
  for (const id of ids) {
    const judgement = judgeProfile({ from, to, minutesByCategory: minutes.get(id) ?? {}, contacts: contacts.get(id)!, accounts, rules });
    const memberRoles = roles.get(id) ?? [];
    out.set(id, {
      memberId: id,
      memberName: members.get(id)!.name,
      roles: memberRoles,
      from,
      to,
      ...judgement,
      nearestRole: nearestRole(
        { signals: signals.get(id)!, minutesByCategory: judgement.minutesByCategory, totalMinutes: judgement.totalMinutes },
        memberRoles,
      ),
      rules,
    });
  }
  return out;
}

/** One member's profile; a member that does not exist is a 404. */
export async function memberProfile(
  db: Kysely<Database>,
  memberId: string,
  period: ProfilePeriod,
  now = new Date(),
): Promise<MemberProfile> {
  const profiles = await memberProfiles(db, [memberId], period, now);
  const profile = profiles.get(memberId);
  if (!profile) throw errors.memberNotFound();
  return profile;
}
