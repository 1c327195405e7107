// The public friend page of an acquisition channel (渠道活码), outside /api and without login:
// `/c/<slug>` shows the QR code of the channel's account with the most room today and records the
// view (a friend request at that account soon after is the visitor's); `/c/<slug>/qr?s=<view>`
// serves that account's code; a lead channel's page is a form that posts back here and becomes a
// lead of the channel. Rate-limited per address; nothing cached; no name of the workspace's shown.

import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { CHANNEL_SLUG, channelLeadForm, channelPath } from '../../shared/api/channels.ts';
import { leadBody } from '../../shared/api/leads.ts';
import { leads } from '../../shared/db/schema.ts';
import { friendQrImage } from '../channels/friend-qr.ts';
import { CHANNEL_PAGE_CSP, type ChannelPage, channelPageHtml } from '../channels/page.ts';
import { accountToShow, channelBySlug, recordScan, scanAccount } from '../channels/rotation.ts';
import { createLead } from '../leads/leads.ts';
import { pageLocale } from '../rooms/live-code-page.ts';

const MINUTE = 60_000;
const found = (slug: string) => (CHANNEL_SLUG.test(slug) ? slug : null);

const routes: FastifyPluginAsync = async (app) => {
  // The lead form posts urlencoded fields; only this plugin's routes read them.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 4096 },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  const page = (reply: FastifyReply, status: number, content: ChannelPage, accept?: string) =>
    reply
      .code(status)
      .header('content-security-policy', CHANNEL_PAGE_CSP)
      .header('cache-control', 'no-store')
      .header('vary', 'accept-language')
      .type('text/html; charset=utf-8')
      .send(channelPageHtml(content, pageLocale(accept)));

  const lookup = async (slug: string) => {
    const valid = found(slug);
    return valid ? channelBySlug(app.db, valid) : null;
  };

  app.get<{ Params: { slug: string } }>(
    '/c/:slug',
    { config: { access: 'public', rateLimit: { max: 60, timeWindow: MINUTE } } },
    async (req, reply) => {
      const accept = req.headers['accept-language'];
      const found = await lookup(req.params.slug);
      if (!found) return page(reply, 404, { kind: 'missing' }, accept);
      const { channel, timeZone } = found;
      if (channel.kind === 'lead')
        return page(reply, 200, { kind: 'lead', action: channelPath(channel.slug) }, accept);
      const account = await accountToShow(app.db, channel, timeZone);
      if (!account) return page(reply, 200, { kind: 'full' }, accept);
      // A HEAD (a link preview checking the page) is no view.
      const scan = req.method === 'GET' ? await recordScan(app.db, channel, account) : null;
      const qrUrl = `${channelPath(channel.slug)}/qr${scan ? `?s=${scan}` : ''}`;
      return page(reply, 200, { kind: 'qr', qrUrl, helloCode: channel.helloCode }, accept);
    },
  );

  app.get<{ Params: { slug: string }; Querystring: { s?: string } }>(
    '/c/:slug/qr',
    { config: { access: 'public', rateLimit: { max: 120, timeWindow: MINUTE } } },
    async (req, reply) => {
      const none = () => reply.code(404).header('cache-control', 'no-store').send();
      const found = await lookup(req.params.slug);
      const scanId = /^\d{1,15}$/.test(req.query.s ?? '') ? Number(req.query.s) : null;
      if (!found || scanId === null) return none();
      const accountId = await scanAccount(app.db, found.channel.id, scanId);
      const file = accountId ? await friendQrImage(app.db, found.channel.workspaceId, accountId) : null;
      if (!file) return none();
      return reply
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .type(file.mime)
        .send(file.data);
    },
  );

  app.post<{ Params: { slug: string }; Body: unknown }>(
    '/c/:slug',
    { config: { access: 'public', rateLimit: { max: 5, timeWindow: MINUTE } } },
    async (req, reply) => {
      const accept = req.headers['accept-language'];
      const found = await lookup(req.params.slug);
      if (found?.channel.kind !== 'lead') return page(reply, 404, { kind: 'missing' }, accept);
      const { channel, timeZone } = found;
      const action = channelPath(channel.slug);
      const form = channelLeadForm.safeParse(req.body ?? {});
      const raw = (req.body ?? {}) as Record<string, unknown>;
      const echo = {
        name: typeof raw.name === 'string' ? raw.name.slice(0, 100) : '',
        phone: typeof raw.phone === 'string' ? raw.phone.slice(0, 40) : '',
      };
      if (!form.success) {
        const error = form.error.issues.some((i) => i.path[0] === 'name') ? 'badName' : 'badPhone';
        return page(reply, 400, { kind: 'lead', action, error, ...echo }, accept);
      }
      const account = await accountToShow(app.db, channel, timeZone);
      if (!account) return page(reply, 200, { kind: 'full' }, accept);
      const lead = leadBody.safeParse({ ...form.data, botAccountId: account.botAccountId });
      if (!lead.success)
        return page(reply, 400, { kind: 'lead', action, error: 'badPhone', ...echo }, accept);
      const created = await createLead(app.db, app.bus, channel.workspaceId, lead.data);
      await app.db
        .update(leads)
        .set({ channelId: channel.id })
        .where(and(eq(leads.id, created.id), isNull(leads.channelId)));
      return page(reply, 200, { kind: 'thanks' }, accept);
    },
  );
};

export default routes;
