import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../db/test-database.js';
import { startTestApp, type TestApp } from '../../../../../test/helpers/test-app.js';
import { zendeskClient, type ZendeskClient } from '../../../../../test/helpers/zendesk-client.js';
import {
  CREATE_GROUP_REQUEST,
  CREATE_GROUP_RESPONSE,
  LIST_GROUPS_NAMES,
  SHOW_GROUP_EXAMPLE,
  UPDATE_GROUP_REQUEST,
  UPDATE_GROUP_RESPONSE,
  keysOf,
} from './reference-examples.js';

interface Group {
  id: number;
  name: string;
  default: boolean;
}

describe.each(testDialects())('/api/v2/groups on %s', (dialect) => {
  let t: TestApp;
  let admin: ZendeskClient;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await zendeskClient(t, ['admin']);
  });
  afterAll(async () => t.close());

  it('creates a group (Create Group) with every field of the reference’s group, then shows it', async () => {
    const res = await admin.post('/api/v2/groups.json', CREATE_GROUP_REQUEST);
    expect(res.statusCode, res.body).toBe(201);
    const group = res.json().group;
    expect(group).toMatchObject({ ...CREATE_GROUP_RESPONSE.group, deleted: false, is_public: true });
    expect(keysOf(group)).toEqual(keysOf(SHOW_GROUP_EXAMPLE.group));
    const shown = await admin.get(`/api/v2/groups/${group.id}.json`);
    expect(shown.json().group).toEqual(group);
  });

  it('renames a group (Update Group) under the same id', async () => {
    const [group] = (await admin.get('/api/v2/groups.json')).json().groups as Group[];
    const res = await admin.put(`/api/v2/groups/${group!.id}.json`, UPDATE_GROUP_REQUEST);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().group).toMatchObject({ ...UPDATE_GROUP_RESPONSE.group, id: group!.id });
  });

  it('lists groups (List Groups), the oldest as the default, by offset and by cursor', async () => {
    for (const name of LIST_GROUPS_NAMES) await admin.post('/api/v2/groups', { group: { name } });
    const list = (await admin.get('/api/v2/groups.json')).json();
    expect(list.count).toBe(3);
    expect(list.groups.map((g: Group) => g.name)).toEqual(['Interesting Group', ...LIST_GROUPS_NAMES]);
    expect(list.groups.map((g: Group) => g.default)).toEqual([true, false, false]);
    const first = (await admin.get('/api/v2/groups.json?page[size]=2')).json();
    expect(first.meta.has_more).toBe(true);
    const rest = (await admin.get(first.links.next.replace(/^https?:\/\/[^/]+/, ''))).json();
    expect([...first.groups, ...rest.groups].map((g: Group) => g.id)).toEqual(list.groups.map((g: Group) => g.id));
  });

  it('refuses a duplicate name, a blank name and wrong types with 422; 404 for an unknown group; 403 without support.manage', async () => {
    const dup = await admin.post('/api/v2/groups', { group: { name: 'DJs' } });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().details).toHaveProperty('name');
    const blank = await admin.post('/api/v2/groups', { group: { name: '' } });
    expect(blank.statusCode).toBe(422);
    expect((await admin.post('/api/v2/groups', { group: { name: ['x'] } })).statusCode).toBe(422);
    expect((await admin.get('/api/v2/groups/777777.json')).json().error).toBe('RecordNotFound');
    const tier1 = await zendeskClient(t, ['support_tier1']);
    expect((await tier1.get('/api/v2/groups.json')).statusCode).toBe(200);
    expect((await tier1.post('/api/v2/groups', { group: { name: 'Mine' } })).statusCode).toBe(403);
    expect((await admin.get('/api/v2/groups.json')).json().count).toBe(3);
  });
});
