// Every field of the routes added lately (experiments, daily stats, insights, CSV downloads, contacts
// export and import, channels and their public page, segments, campaigns), fed hostile values one
// field at a time: NUL bytes, lone surrogates (in JSON: a URL's bytes cannot carry one), 1 MB strings;
// numbers negative, beyond int4, 1e308, "NaN"; ids that are no uuid, '../' or 2147483648; days
// PostgreSQL has not (year 0); arrays and objects where a string belongs (a repeated key in a query);
// regex bombs where a rule takes a pattern. Stricter than fuzz.test.ts (no 5xx): each answer is a 400
// `invalid_request` whose `details` name that field and no other (API.md "Errors"), and no row of the
// tables these routes write changes. The public lead form answers its HTML page with the field's sentence.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rowsOf } from '../runtime/db/client.ts';
import type { App } from '../server/app.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';
import { card, edge } from './support/graph.ts';
import { fixtureGraph, publishGraph } from './support/runtime.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Kind = 'id' | 'int' | 'text' | 'day' | 'enum' | 'cursor' | 'regex' | 'time' | 'datetime' | 'bool';
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/**
 * A valid request (`route` is "METHOD /path/:param") and the fields to spoil, each `<where><name>=<kind>`:
 * `:id=id` is `params.id`, `?from=day` is `querystring.from`, `.tags.0=text` is `body.tags.0`.
 */
type Route = {
  route: string;
  fields: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: Json;
  csv?: string;
  /** The valid request's status, checked first (absent: not sent, e.g. launching a campaign). */
  ok?: number;
};

const MB = 'x'.repeat(1_000_000);
const NUL = 'a\u0000b';
const LONE = '\uD800';
const HOSTILE_TEXT = [NUL, MB];
const HOSTILE_ID = ['not-a-uuid', '../', '2147483648', NUL];

/** Path and query values, as strings; a query field also gets a repeated key (an array). */
const STRING_FORMS: Record<Kind, string[]> = {
  id: HOSTILE_ID,
  int: ['-1', '2147483648', '1e308', 'NaN', NUL],
  text: HOSTILE_TEXT,
  day: ['NaN', '-1', '2147483648', '1e308', '2030-02-30', '0000-01-01', NUL],
  enum: [...HOSTILE_TEXT, 'NaN', '../'],
  cursor: [...HOSTILE_TEXT, '../', 'not-a-uuid'],
  regex: [...HOSTILE_TEXT, '(a+)+$', `((a*)*)*b${'a'.repeat(40)}`],
  time: [...HOSTILE_TEXT, '25:00'],
  datetime: [...HOSTILE_TEXT, 'NaN', '2030-02-30T09:00:00Z'],
  bool: [NUL, 'NaN', '2'],
};
/** Body values: the string forms and a lone surrogate, numbers as numbers, and the wrong shapes. */
const SHAPES: Json[] = [['x'], { a: 'x' }];
const JSON_FORMS = {
  ...(Object.fromEntries(
    Object.entries(STRING_FORMS).map(([kind, values]) => [kind, [...values, LONE, ...SHAPES, 1]]),
  ) as Record<Kind, Json[]>),
  regex: [...STRING_FORMS.regex, LONE, ...SHAPES],
  int: [-1, 2147483648, 1e308, 'NaN', '1', ...SHAPES],
  bool: ['true', 'NaN', NUL, ...SHAPES],
};
const WHERE: Record<string, string> = { ':': 'params', '?': 'querystring', '.': 'body' };

const queryOf = (q: Record<string, string>) =>
  Object.entries(q)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
const urlOf = (path: string, params: Record<string, string>, query: string) =>
  `${path.replace(/:(\w+)/g, (_, name: string) => params[name]!)}${query ? `?${query}` : ''}`;

function spoil(body: Json, path: string[], value: Json): Json {
  const copy = structuredClone(body) as Record<string, Json>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, Json>;
  at[path.at(-1)!] = value;
  return copy;
}

type Hostile = { field: string; also?: string; label: string; url: string; body?: Json };

/** Each hostile request of a route: its url and body, the field it spoils (and a range's other end). */
function* hostile(r: Route, path: string): Generator<Hostile> {
  const { params = {}, query = {}, body } = r;
  const url = urlOf(path, params, queryOf(query));
  for (const spec of r.fields.split(' ')) {
    const [name, kind] = spec.slice(1).split('=') as [string, Kind];
    const field = `${WHERE[spec[0]!]}.${name}`;
    // A path segment over 100 characters is the router's 414, before any schema.
    const inPath = (v: string) => urlOf(path, { ...params, [name]: encodeURIComponent(v) }, queryOf(query));
    const inQuery = (over: Record<string, string>) => urlOf(path, params, queryOf({ ...query, ...over }));
    if (spec[0] === ':')
      for (const v of STRING_FORMS[kind].filter((v) => v.length <= 100))
        yield { field, label: v, url: inPath(v), body };
    if (spec[0] === '?') {
      for (const v of STRING_FORMS[kind]) yield { field, label: v, url: inQuery({ [name]: v }), body };
      const twice = `${url}&${name}=${encodeURIComponent(query[name] ?? 'x')}&${name}=x`;
      yield { field, label: 'twice', url: twice, body };
      // Both ends of a range alike: no range check may stand in for the schema.
      const other = { from: 'to', to: 'from' }[name];
      if (kind === 'day' && other)
        for (const v of STRING_FORMS.day)
          yield {
            field,
            also: `querystring.${other}`,
            label: `${v} (both)`,
            url: inQuery({ [name]: v, [other]: v }),
            body,
          };
    }
    if (spec[0] === '.')
      for (const v of JSON_FORMS[kind])
        yield { field, label: JSON.stringify(v), url, body: spoil(body!, name.split('.'), v) };
  }
}

/** Whether `paths` name `h.field` and nothing outside it (or the other end of its range). */
const namesField = (paths: string[], h: Hostile) => {
  const under = (f: string | undefined, p: string) => !!f && (p === f || p.startsWith(`${f}.`));
  return paths.some((p) => under(h.field, p)) && paths.every((p) => under(h.field, p) || under(h.also, p));
};

/** The tables these routes write, each one's rows hashed. */
const TABLES = ['contacts', 'channels', 'channel_scans', 'friend_qrs', 'segments', 'campaigns', 'leads'];
const FINGERPRINT = sql.raw(
  `select ${TABLES.map((t) => `(select count(*) || ':' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from ${t} x) as ${t}`).join(', ')}`,
);

describeDb('hostile values name their field', (db) => {
  let app: App;
  let owner: Session;
  const ids: Record<string, string> = {};
  const fingerprint = async () => JSON.stringify(rowsOf(await db().db.execute(FINGERPRINT)));

  const send = (method: Method, url: string, body?: Json, csv?: string) =>
    app.inject({
      method,
      url,
      ...(csv !== undefined
        ? { payload: csv, headers: { ...owner.headers, 'content-type': 'text/csv' } }
        : { ...(body !== undefined && { payload: body as object }), headers: owner.headers }),
      signal: AbortSignal.timeout(20_000),
    });
  const create = async (url: string, body: Json) => {
    const res = await send('POST', url, body);
    if (res.statusCode !== 201) throw new Error(`POST ${url} → ${res.statusCode} ${res.body}`);
    return res.json().id as string;
  };

  const RULES = { match: 'all', rules: [{ field: 'contact.name', op: 'matches', value: '^林' }] };
  const RULE_FIELDS =
    '.rules.match=enum .rules.rules.0.field=text .rules.rules.0.op=enum .rules.rules.0.value=regex';
  const campaignBody = (): Json => ({
    name: 'fuzz',
    flowId: ids.campaignFlow!,
    rules: RULES,
    exclusions: { recentlyTalked: true, recentlyTalkedWithin: 'P3D' },
    schedule: { at: '2030-01-01T09:00:00+08:00', repeat: 'monthly' },
    sendTime: 'fixed',
    window: { from: '09:00', to: '21:00', days: ['mon'] },
    replyTo: 'flow',
    replyWindow: 'P3D',
  });
  const CAMPAIGN_FIELDS = [
    `.name=text .flowId=id ${RULE_FIELDS} .exclusions.recentlyTalked=bool`,
    '.exclusions.recentlyTalkedWithin=text .schedule.at=datetime .schedule.repeat=enum .sendTime=enum',
    '.window.from=time .window.days.0=enum .replyTo=enum .replyWindow=text',
  ].join(' ');
  const RANGE = { from: '2025-01-01', to: '2025-01-31' };
  const CHANNEL = { kind: 'hello', tags: ['a'], spend: 0, botAccountIds: [] as string[] };
  const CHANNEL_FIELDS =
    '.name=text .kind=enum .slug=text .helloCode=text .tags.0=text .spend=int .botAccountIds.0=id';

  beforeAll(async () => {
    const started = await testApp(db());
    app = started.app;
    owner = await login(app);
    const workspaceId = started.workspaceId!;
    ids.bot = (await send('GET', '/api/bots')).json()[0].id;
    const split = {
      nodes: [
        card('kw', 'trigger.keyword', { keywords: ['hi'] }),
        card('ab', 'split', { branches: ['a', 'b'].map((name) => ({ name, weight: 1 })) }),
        card('send_a', 'send', { text: 'A' }),
        card('goal', 'goal', { name: 'bought' }),
      ],
      edges: [edge('kw', 'next', 'ab'), edge('ab', 'a', 'send_a'), edge('ab', 'b', 'goal')],
    };
    ids.flow = (await publishGraph(db().db, workspaceId, 'AB', split)).flowId;
    ids.campaignFlow = (await publishGraph(db().db, workspaceId, 'C', fixtureGraph('campaign'))).flowId;
    ids.segment = await create('/api/segments', { name: 'fuzz', rules: RULES });
    ids.campaign = await create('/api/campaigns', campaignBody());
    ids.channel = await create('/api/channels', { name: 'fuzz', kind: 'qr' });
    await create('/api/channels', { name: 'form', kind: 'lead', slug: 'fuzz-form' });
  });
  afterAll(() => app?.close());

  const GROUPS: Record<string, () => Route[]> = {
    'flow experiments and daily stats': (): Route[] => [
      {
        route: 'GET /api/flows/:id/experiments',
        params: { id: ids.flow! },
        query: { version: '1', goal: 'bought', ...RANGE },
        fields: ':id=id ?version=int ?goal=text ?from=day ?to=day',
        ok: 200,
      },
      {
        route: 'GET /api/flows/:id/stats/daily',
        params: { id: ids.flow! },
        query: { version: '1', ...RANGE },
        fields: ':id=id ?version=int ?from=day ?to=day',
        ok: 200,
      },
    ],
    insights: (): Route[] => [
      {
        route: 'GET /api/insights/:kind/contacts',
        params: { kind: 'intent_unanswered' },
        query: { limit: '10' },
        fields: ':kind=enum ?limit=int ?cursor=cursor',
        ok: 200,
      },
      { route: 'GET /api/analytics/bot-quality', query: RANGE, fields: '?from=day ?to=day', ok: 200 },
    ],
    'stats CSV downloads': (): Route[] => [
      {
        route: 'GET /api/flows/:id/stats.csv',
        params: { id: ids.flow! },
        query: { version: '1' },
        fields: ':id=id ?version=int',
        ok: 200,
      },
      {
        route: 'GET /api/campaigns/:id/contacts.csv',
        params: { id: ids.campaign! },
        query: { bucket: 'intent' },
        fields: ':id=id ?bucket=enum',
        ok: 200,
      },
      { route: 'GET /api/inbox/kpis.csv', query: RANGE, fields: '?from=day ?to=day', ok: 200 },
    ],
    'contacts CSV export and import': (): Route[] => [
      {
        route: 'GET /api/contacts/export.csv',
        query: { q: 'fuzz', tag: 'vip', segmentId: ids.segment! },
        fields: '?q=text ?tag=text ?segmentId=id',
        ok: 200,
      },
      {
        // Not a dry run: a hostile field the import let through would write.
        route: 'POST /api/contacts/import',
        query: { accountId: ids.bot!, dryRun: '0', encoding: 'utf-8' },
        csv: 'name,weixin\nfuzz,wx_fuzz\n',
        fields: '?accountId=id ?dryRun=enum ?encoding=enum',
        ok: 200,
      },
    ],
    channels: (): Route[] => [
      { route: 'GET /api/channels', query: { archived: 'true' }, fields: '?archived=enum', ok: 200 },
      {
        route: 'POST /api/channels',
        body: { ...CHANNEL, name: 'new', slug: 'fuzz-new', helloCode: 'FZ1', botAccountIds: [ids.bot!] },
        fields: CHANNEL_FIELDS,
        ok: 201,
      },
      {
        route: 'PATCH /api/channels/:id',
        params: { id: ids.channel! },
        body: { ...CHANNEL, name: 'patched', slug: 'fuzz-patched', helloCode: 'FZ2', archived: false },
        fields: `:id=id ${CHANNEL_FIELDS} .archived=bool`,
        ok: 200,
      },
      { route: 'GET /api/channels/:id', params: { id: ids.channel! }, fields: ':id=id', ok: 200 },
      {
        route: 'PUT /api/channels/accounts/:botAccountId/qr',
        params: { botAccountId: ids.bot! },
        body: { mediaId: ids.segment! },
        fields: ':botAccountId=id .mediaId=id',
      },
      {
        route: 'DELETE /api/channels/accounts/:botAccountId/qr',
        params: { botAccountId: ids.bot! },
        fields: ':botAccountId=id',
      },
    ],
    segments: (): Route[] => [
      {
        route: 'POST /api/segments/preview',
        body: { rules: RULES, exclusions: { deletedUs: true } },
        fields: `${RULE_FIELDS} .exclusions.deletedUs=bool`,
        ok: 200,
      },
      {
        route: 'POST /api/segments',
        body: { name: 'fuzz 2', rules: RULES },
        fields: `.name=text ${RULE_FIELDS}`,
        ok: 201,
      },
      { route: 'DELETE /api/segments/:id', params: { id: ids.segment! }, fields: ':id=id' },
    ],
    campaigns: (): Route[] => [
      { route: 'POST /api/campaigns', body: campaignBody(), fields: CAMPAIGN_FIELDS, ok: 201 },
      {
        route: 'PATCH /api/campaigns/:id',
        params: { id: ids.campaign! },
        body: campaignBody(),
        fields: `:id=id ${CAMPAIGN_FIELDS}`,
        ok: 200,
      },
      ...['GET ', 'DELETE ', 'POST /estimate', 'POST /launch', 'POST /pause', 'POST /resume']
        .concat(['POST /cancel', 'GET /stream'])
        .map((action) => action.replace(' ', ' /api/campaigns/:id'))
        .map((route): Route => ({ route, params: { id: ids.campaign! }, fields: ':id=id' })),
      {
        route: 'GET /api/campaigns/:id/contacts',
        params: { id: ids.campaign! },
        query: { bucket: 'intent', limit: '10' },
        fields: ':id=id ?bucket=enum ?limit=int ?cursor=cursor',
        ok: 200,
      },
    ],
  };

  for (const [group, routes] of Object.entries(GROUPS))
    it(`answers a 400 naming the field, changing nothing: ${group}`, { timeout: 300_000 }, async () => {
      const failures: string[] = [];
      for (const r of routes()) {
        const [method, path] = r.route.split(' ') as [Method, string];
        if (r.ok) {
          const res = await send(method, urlOf(path, r.params ?? {}, queryOf(r.query ?? {})), r.body, r.csv);
          expect(res.statusCode, `${r.route} (valid): ${res.body.slice(0, 300)}`).toBe(r.ok);
        }
        for (const h of hostile(r, path)) {
          const before = await fingerprint();
          const res = await send(method, h.url, h.body, r.csv);
          const changed = before !== (await fingerprint());
          const error = res.statusCode === 400 ? res.json().error : undefined;
          const details: { path: string }[] = Array.isArray(error?.details) ? error.details : [];
          const paths = details.map((d) => d.path);
          if (error?.code !== 'invalid_request' || !namesField(paths, h) || changed)
            failures.push(
              `${r.route} ${h.field}=${h.label.slice(0, 24)}: ${res.statusCode} ${res.body.slice(0, 200)}${changed ? ' (rows changed)' : ''}`,
            );
        }
      }
      expect(failures).toEqual([]);
    });

  it('answers the public lead form a 400 page naming the field, making no lead', async () => {
    const SENTENCES = { name: 'Enter your name.', phone: 'Enter a mainland-China mobile number.' };
    const failures: string[] = [];
    let visitor = 0;
    // A visitor of its own for each request: the form takes five posts a minute from an address.
    const address = () => `10.${Math.floor(++visitor / 250)}.0.${visitor % 250}`;
    for (const field of ['name', 'phone'] as const) {
      const other = field === 'name' ? 'phone' : 'name';
      for (const value of [...JSON_FORMS.text, '', 'x'.repeat(3000)]) {
        const form = { name: '林女士', phone: '13900139000', [field]: value };
        const sends = [['application/json', JSON.stringify(form)]];
        // A form is text, of 4 KB at most, and its bytes cannot carry a lone surrogate.
        if (typeof value === 'string' && value !== LONE && value.length < 4000)
          sends.push(['application/x-www-form-urlencoded', new URLSearchParams(form as never).toString()]);
        for (const [type, payload] of sends) {
          const before = await fingerprint();
          const res = await app.inject({
            method: 'POST',
            url: '/c/fuzz-form',
            payload,
            remoteAddress: address(),
            headers: { 'content-type': type!, 'accept-language': 'en' },
          });
          const named = res.body.includes(SENTENCES[field]) && !res.body.includes(SENTENCES[other]);
          if (res.statusCode !== 400 || !named || before !== (await fingerprint()))
            failures.push(
              `POST /c/:slug ${type} ${field}=${JSON.stringify(value).slice(0, 24)}: ${res.statusCode}`,
            );
        }
      }
    }
    // A slug that is no channel's address is the page that does not exist, and records no view.
    for (const slug of [...HOSTILE_ID, ...HOSTILE_TEXT, '(a+)+$'].map(encodeURIComponent)) {
      const before = await fingerprint();
      for (const url of [`/c/${slug}`, `/c/${slug}/qr?s=1`, `/c/fuzz-form/qr?s=${slug}`]) {
        const res = await app.inject({ url, remoteAddress: address() });
        // …or a 414 when the address itself is a megabyte long.
        const want = url.split('?')[0]!.length > 1000 ? 414 : 404;
        if (res.statusCode !== want) failures.push(`GET ${url.slice(0, 40)}: ${res.statusCode}`);
      }
      if (before !== (await fingerprint())) failures.push(`GET /c/${slug.slice(0, 24)}: rows changed`);
    }
    expect(failures).toEqual([]);
  });
});
