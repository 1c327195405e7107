// Media files through the HTTP API: builders upload an image as the raw body (checked by its bytes,
// capped at 2 MB, stored once per workspace), every member views it with the right headers, and
// nobody sees another workspace's files.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../server/app.ts';
import { SANDBOX_LIMITS } from '../shared/api/bot-limits.ts';
import { IMAGE_MAX_BYTES } from '../shared/api/media.ts';
import { botAccounts, contacts, mediaFiles, messages } from '../shared/db/schema.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';
import { addWorkspace } from './support/tenants.ts';

/** A 1×1 PNG: what the editor would send for a marketer's file. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const GIF = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(20, 1)]);

describeDb('media API', (db) => {
  let app: App;
  let owner: Session;
  let viewer: Session;
  let stranger: Session;
  let workspaceId: string;

  const upload = (who: Session | null, payload: Buffer | string, contentType = 'image/png', query = '') =>
    app.inject({
      method: 'POST',
      url: `/api/media${query}`,
      payload,
      headers: { ...(who?.headers ?? {}), 'content-type': contentType },
    });
  const view = (who: Session | null, url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers: { ...(who ? { cookie: who.cookie } : {}), ...headers } });

  beforeAll(async () => {
    let first: string | undefined;
    ({ app, workspaceId: first } = await testApp(db()));
    workspaceId = first!;
    owner = await login(app);
    const member = { email: 'viewer@example.com', password: 'viewer-password-1', role: 'viewer' };
    const res = await app.inject({
      method: 'POST',
      url: '/api/members',
      payload: member,
      headers: owner.headers,
    });
    expect(res.statusCode).toBe(201);
    viewer = await login(app, member);
    stranger = await login(app, (await addWorkspace(db().db, 'Elsewhere')).owner);
  });
  afterAll(() => app?.close());

  describe('upload', () => {
    it('stores an image and answers its id, type, size and address', async () => {
      const res = await upload(owner, PNG, 'image/png', '?filename=..%2F..%2Fbanner.final.png');
      expect(res.statusCode).toBe(201);
      const file = res.json();
      expect(file).toEqual({
        id: expect.any(String),
        mime: 'image/png',
        size: PNG.length,
        url: `/api/media/${file.id}`,
      });
      const [row] = await db().db.select().from(mediaFiles).where(eq(mediaFiles.id, file.id));
      expect(row).toMatchObject({ source: 'upload', filename: 'banner.final.png', size: PNG.length });
      expect(Buffer.compare(row!.data, PNG)).toBe(0);
    });

    it('keeps the same bytes once per workspace: uploading them again gives the same file', async () => {
      const first = (await upload(owner, GIF, 'image/gif')).json();
      const again = await upload(owner, GIF, 'image/gif', '?filename=other.gif');
      expect(again.statusCode).toBe(201);
      expect(again.json()).toEqual(first);
      const elsewhere = (await upload(stranger, GIF, 'image/gif')).json();
      expect(elsewhere.id).not.toBe(first.id);
    });

    it('tells the type by the bytes, not by the declared content type', async () => {
      const res = await upload(owner, PNG, 'application/octet-stream');
      expect(res.statusCode).toBe(201);
      expect(res.json().mime).toBe('image/png');
      const declared = await upload(owner, PNG, 'image/jpeg; charset=binary');
      expect(declared.statusCode).toBe(201);
      expect(declared.json().mime).toBe('image/png');
    });

    it.each([
      [
        'an SVG (it may carry scripts)',
        '<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>',
        'image/svg+xml',
      ],
      ['HTML labelled as a PNG', '<!doctype html><script>alert(1)</script>', 'image/png'],
      ['JSON', '{"image":"x"}', 'application/json'],
      ['text', 'hello', 'text/plain'],
    ])('refuses %s with 415', async (_, payload, contentType) => {
      const res = await upload(owner, payload, contentType);
      expect(res.statusCode).toBe(415);
      expect(res.json().error.code).toBe('unsupported_media_type');
    });

    it('refuses an empty body with 400 and one past 2 MB with 413', async () => {
      expect((await upload(owner, Buffer.alloc(0))).statusCode).toBe(400);
      const huge = Buffer.concat([PNG, Buffer.alloc(IMAGE_MAX_BYTES)]);
      const res = await upload(owner, huge);
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('payload_too_large');
    });

    it('is for builders: a viewer gets 403, nobody signed in 401', async () => {
      expect((await upload(viewer, PNG)).statusCode).toBe(403);
      expect((await upload(null, PNG)).statusCode).toBe(401);
    });
  });

  describe('view', () => {
    it('serves the bytes to any member with their type, nosniff and a private long-lived cache', async () => {
      const { url } = (await upload(owner, PNG)).json();
      const res = await view(viewer, url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('private, max-age=31536000, immutable');
      expect(Buffer.compare(res.rawPayload, PNG)).toBe(0);
      const cached = await view(viewer, url, { 'if-none-match': String(res.headers.etag) });
      expect(cached.statusCode).toBe(304);
      expect(cached.rawPayload.length).toBe(0);
    });

    it('shows in a contact transcript with the message kind; a stored shape it cannot read as none', async () => {
      const { id: mediaId } = (await upload(owner, PNG)).json();
      const [bot] = await db()
        .db.insert(botAccounts)
        .values({
          workspaceId,
          name: 'media bot',
          puppet: 'sandbox',
          desired: 'stopped',
          limits: SANDBOX_LIMITS,
        })
        .returning();
      const [contact] = await db()
        .db.insert(contacts)
        .values({ workspaceId, botAccountId: bot!.id, puppetId: 'media-contact', name: '小美' })
        .returning();
      const row = (n: number, kind: 'image' | 'text', media: Record<string, unknown> | null) => ({
        workspaceId,
        botAccountId: bot!.id,
        contactId: contact!.id,
        direction: 'in' as const,
        wechatMessageId: `m${n}`,
        text: '',
        kind,
        author: 'contact' as const,
        media,
        at: new Date(Date.UTC(2025, 0, 1, 0, n)),
      });
      await db()
        .db.insert(messages)
        .values([
          row(1, 'image', { kind: 'image', mediaId }),
          row(2, 'image', { title: 42 }),
          row(3, 'text', null),
        ]);
      const res = await view(owner, `/api/contacts/${contact!.id}/messages`);
      expect(res.statusCode).toBe(200);
      expect(res.json().map((m: { kind: string; media: unknown }) => [m.kind, m.media])).toEqual([
        ['text', null],
        ['image', null],
        ['image', { kind: 'image', mediaId }],
      ]);
    });

    it("answers 404 for another workspace's file, 400 for what is no id, 401 to nobody", async () => {
      const { url } = (await upload(owner, PNG)).json();
      expect((await view(stranger, url)).statusCode).toBe(404);
      expect((await view(owner, '/api/media/not-an-id')).statusCode).toBe(400);
      expect((await view(owner, '/api/media/..%2F..%2Fetc')).statusCode).toBe(400);
      expect((await view(null, url)).statusCode).toBe(401);
    });
  });
});
