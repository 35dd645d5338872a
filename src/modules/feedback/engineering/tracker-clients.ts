import { errors } from '../../../kernel/errors.js';
import { githubMarkdown, jiraDescription, type TrackerIssueText } from './tracker-issue-text.js';

/**
 * The outbound half of tracker sync: create the issue in GitHub or Jira through their REST APIs
 * (Node's fetch). A tracker that refuses or does not answer is a 502 with what it said, so the
 * caller writes nothing.
 */

export interface CreatedTrackerIssue {
  key: string;
  url: string;
}

const TIMEOUT_MS = 15_000;

async function send(tracker: string, url: string, init: RequestInit): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    throw errors.trackerFailed(tracker, err instanceof Error ? err.message : 'no answer');
  }
  const text = await res.text();
  if (!res.ok) throw errors.trackerFailed(tracker, `HTTP ${res.status}${text ? `: ${text.slice(0, 300)}` : ''}`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw errors.trackerFailed(tracker, 'the answer is not JSON');
  }
}

/** GitHub REST: POST /repos/{owner}/{repo}/issues → 201 with `number` and `html_url`. */
export async function createGithubIssue(
  target: { apiUrl: string; repo: string; token: string },
  text: TrackerIssueText,
): Promise<CreatedTrackerIssue> {
  const answer = (await send('GitHub', `${target.apiUrl}/repos/${target.repo}/issues`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${target.token}`,
      Accept: 'application/vnd.github+json',
      'X-GitHub-Api-Version': '2022-11-28',
      'Content-Type': 'application/json',
      'User-Agent': 'Outpost',
    },
    body: JSON.stringify({ title: text.title, body: githubMarkdown(text), labels: ['bug', `severity:${text.severity}`] }),
  })) as { number?: unknown; html_url?: unknown };
  if (typeof answer.number !== 'number' || typeof answer.html_url !== 'string') {
    throw errors.trackerFailed('GitHub', 'the answer has no issue number');
  }
  return { key: `${target.repo}#${answer.number}`, url: answer.html_url };
}

/** Jira Cloud REST v3: POST /rest/api/3/issue → 201 with `key`; its page is {baseUrl}/browse/{key}. */
export async function createJiraIssue(
  target: { baseUrl: string; projectKey: string; email: string; apiToken: string },
  text: TrackerIssueText,
): Promise<CreatedTrackerIssue> {
  const answer = (await send('Jira', `${target.baseUrl}/rest/api/3/issue`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${target.email}:${target.apiToken}`).toString('base64')}`,
      Accept: 'application/json',
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({
      fields: {
        project: { key: target.projectKey },
        summary: text.title,
        issuetype: { name: 'Bug' },
        description: jiraDescription(text),
      },
    }),
  })) as { key?: unknown };
  if (typeof answer.key !== 'string') throw errors.trackerFailed('Jira', 'the answer has no issue key');
  return { key: answer.key, url: `${target.baseUrl}/browse/${answer.key}` };
}
