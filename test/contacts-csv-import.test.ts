// POST /api/contacts/import with bad input: each bad row is reported with the line it starts on and
// the good rows are imported; hostile files (GBK, NUL, huge cells, formulas, a spreadsheet, JSON, too
// big) answer a clear 4xx, never a 500; a dry run writes nothing; random text never crashes it.

import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../server/app.ts';
import { encodeCsv } from '../server/contacts/export-csv.ts';
import { guardCell, IMPORT_MAX_BYTES, unguardCell } from '../shared/api/contacts-csv.ts';
import { contacts } from '../shared/db/schema.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';
import { addWorkspace } from './support/tenants.ts';

describeDb('contacts CSV import', (db) => {
  let app: App;
  let owner: Session;
  let accountId: string;
  let workspaceId: string;

  const post = (csv: string | Buffer, query = '', type = 'text/csv') =>
    app.inject({
      method: 'POST',
      url: `/api/contacts/import?accountId=${accountId}${query}`,
      headers: { ...owner.headers, 'content-type': type },
      payload: csv,
    });
  const names = async () =>
    (
      await db()
        .db.select({ name: contacts.name })
        .from(contacts)
        .where(eq(contacts.workspaceId, workspaceId))
    )
      .map((c) => c.name)
      .sort();

  beforeAll(async () => {
    const started = await testApp(db());
    app = started.app;
    const tenant = await addWorkspace(db().db, 'Importing');
    owner = await login(app, tenant.owner);
    accountId = tenant.sandboxId;
    workspaceId = tenant.workspaceId;
  });
  afterAll(() => app?.close());

  it('reports each bad row with its line and imports the good ones', async () => {
    const csv = [
      'puppet_id,name,tags,first_added_at,attr.age,friend_status', // 1
      'p1,Good one,a;b,2024-05-01T10:00:00Z,30,friend', // 2
      'p2,"bad date",,yesterday,,', // 3
      '', // 4 (blank)
      'p3,"multi', // 5
      'line good",x；y,2024/5/1 10:00,,', // 6
      ',no identity,,,,', // 7
      'p4,=HYPERLINK("x"),,,,', // 8
      `p5,${'长'.repeat(2001)},,,,`, // 9
      'p6,bad status,,,,enemy', // 10
      'p1,duplicate of line 2,,,,', // 11
      'p7,"stray "quote",,,,', // 12: read as Excel reads it
      'p8,last good,,,,', // 13
      'p9,"never closed,,,,', // 14
    ].join('\r\n');
    const dry = await post(csv, '&dryRun=1');
    expect(dry.statusCode).toBe(200);
    expect(await names()).toEqual([]);
    const res = await post(csv);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [3, 'bad_date'],
      [7, 'no_identity'],
      [8, 'formula'],
      [9, 'cell_too_long'],
      [10, 'bad_friend_status'],
      [11, 'duplicate_row'],
      [14, 'csv_syntax'],
    ]);
    expect(body.errors[0].params).toEqual({ column: 'first_added_at' });
    expect(body).toMatchObject({ imported: 4, updated: 0, errorCount: 7 });
    expect(dry.json()).toMatchObject({ imported: 4, errorCount: 7, dryRun: true });
    expect(await names()).toEqual(['"stray "quote"', 'Good one', 'last good', 'multi\r\nline good']);
    const [p3] = await db().db.select().from(contacts).where(eq(contacts.puppetId, 'p3'));
    expect(p3).toMatchObject({ tags: ['x', 'y'], firstAddedAt: new Date('2024-05-01T10:00:00Z') });
    const [p1] = await db().db.select().from(contacts).where(eq(contacts.puppetId, 'p1'));
    expect(p1).toMatchObject({ friendStatus: 'friend', tags: ['a', 'b'], attributes: { age: 30 } });
  });

  it('updates by puppet id or WeChat id: tags added, attributes merged, empty cells keep values', async () => {
    await post('puppet_id,weixin,name,alias,tags,attr.city,attr.level\nu1,wx_u1,Old,Al,old,北京,1\n');
    const res = await post('weixin,name,tags,attr.level,attr.note\nwx_u1,New,new;old,2,hi\n');
    expect(res.json()).toMatchObject({ imported: 0, updated: 1, errorCount: 0 });
    const [u1] = await db().db.select().from(contacts).where(eq(contacts.puppetId, 'u1'));
    expect(u1).toMatchObject({
      name: 'New',
      alias: 'Al',
      tags: ['old', 'new'],
      attributes: { city: '北京', level: 2, note: 'hi' },
    });
  });

  it('reads GBK (Excel on Chinese Windows), semicolons, and Chinese headers', async () => {
    // "微信号;姓名;标签\ng1;张三;老客\n" in GBK
    const bytes = Buffer.from(
      'ce a2 d0 c5 ba c5 3b d0 d5 c3 fb 3b b1 ea c7 a9 0a 67 31 3b d5 c5 c8 fd 3b c0 cf bf cd 0a'.replace(
        / /g,
        '',
      ),
      'hex',
    );
    const res = await post(bytes, '&dryRun=1');
    expect(res.json()).toMatchObject({
      encoding: 'gb18030',
      delimiter: ';',
      sample: [{ line: 2, weixin: 'g1', name: '张三', tags: ['老客'], action: 'insert' }],
    });
    expect(res.json().columns.map((c: { field: string }) => c.field)).toEqual(['weixin', 'name', 'tags']);
    const asUtf8 = await post(bytes, '&encoding=utf-8');
    expect(asUtf8.statusCode).toBe(422);
    expect(asUtf8.json().error.details.params.reason).toBe('encoding');
  });

  it('refuses hostile files with a clear 4xx', async () => {
    const reason = async (csv: string | Buffer, type?: string) => {
      const res = await post(csv, '', type);
      return [res.statusCode, res.json().error?.details?.params?.reason ?? res.json().error?.code];
    };
    expect(await reason('')).toEqual([422, 'empty']);
    expect(await reason('\n\n')).toEqual([422, 'empty']);
    expect(await reason('name,tags\nx,y\n')).toEqual([422, 'no_identity_column']);
    expect(await reason(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toEqual([422, 'spreadsheet']);
    expect(await reason(Buffer.from([0xff, 0xfe, 0x61, 0]))).toEqual([422, 'utf16']);
    expect(await reason(Buffer.from([0x61, 0xed, 0xa0, 0x80, 0xff]))).toEqual([422, 'encoding']);
    expect(await reason('{"puppet_id":1}', 'application/json')).toEqual([415, 'unsupported_media_type']);
    expect(await reason('puppet_id\nx\n', 'image/png')).toEqual([415, 'unsupported_media_type']);
    expect(await reason(Buffer.alloc(IMPORT_MAX_BYTES + 1, 0x61))).toEqual([413, 'payload_too_large']);
    expect(await reason(`puppet_id\n${'x\n'.repeat(100_001)}`)).toEqual([422, 'too_many_rows']);
    const nul = await post('puppet_id,name\nn1,a\u0000b\nn2,ok\n');
    expect(nul.json()).toMatchObject({ imported: 1, errors: [{ line: 2, code: 'nul_character' }] });
    const bad = await app.inject({
      method: 'POST',
      url: '/api/contacts/import?accountId=nope',
      headers: { ...owner.headers, 'content-type': 'text/csv' },
      payload: 'puppet_id\nx\n',
    });
    expect(bad.statusCode).toBe(400);
  });

  it('guards formula cells reversibly', () => {
    fc.assert(
      fc.property(fc.string(), (cell) => {
        const guarded = guardCell(cell);
        expect(unguardCell(guarded)).toBe(cell);
        expect(/^[=@\t\r]/.test(guarded)).toBe(false);
      }),
    );
  });

  it('encodes what csv-parse reads back cell for cell (RFC 4180, CRLF)', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom('"', '""', ',', '\r\n', '\n', '\r', ' x ', '=1', '张三'),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          const width = rows[0]!.length;
          const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
          const back = parse(encodeCsv(table), { relax_column_count: true }) as string[][];
          expect(back.map((r) => r.map(unguardCell))).toEqual(table);
        },
      ),
    );
  });

  it('answers random bytes and random CSV with a 200 or a 4xx, never a 500', async () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('=1', '"', '\u0000', '\r\n', ';', '\uD800', 'wx'));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
          fc
            .array(fc.array(cell, { maxLength: 5 }), { maxLength: 8 })
            .map(
              (rows) =>
                `puppet_id,name,tags,attr.x,first_added_at\n${rows.map((r) => r.join(',')).join('\n')}`,
            ),
        ),
        async (payload) => {
          const res = await post(payload);
          expect([200, 413, 415, 422]).toContain(res.statusCode);
        },
      ),
      { numRuns: 60 },
    );
  });
});
