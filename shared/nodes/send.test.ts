// `send.media` (NODES.md second wave): what the schema lets through, and that the media reaches
// the turn's send effect — the runtime's outbox payload — after the rendered text.
import { describe, expect, it } from 'vitest';
import { compile } from '../flow/compile.ts';
import { createFlowMachine } from '../flow/machine.ts';
import { isPublicHttpUrl } from '../flow/media.ts';
import { runTurn } from '../flow/turn.ts';
import { sendNode } from './send.ts';

const env = { now: Date.UTC(2025, 0, 6, 2), timeZone: 'Asia/Shanghai', input: { contact: { id: 'c1' } } };
const MEDIA_ID = '0b5e3c1e-8d4a-4c57-9a4e-3f0f5f2b7a11';

/** The send effects of keyword → `send` (with `data`), started by a message in private or in a group. */
function sendEffects(data: Record<string, unknown>, scope: 'private' | 'room' = 'private') {
  const result = compile({
    nodes: [
      { id: 'start', type: 'trigger.keyword', data: { keywords: ['hi'], scope } },
      { id: 'hello', type: 'send', data },
    ],
    edges: [{ id: 'e1', source: 'start', target: 'hello' }],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const turn = runTurn(createFlowMachine(result.machine), null, { type: 'START', entry: 'start' }, env);
  return turn.effects.filter((effect) => effect.kind === 'send');
}

/** The codes of our own refinements that refuse `media` (zod's own issues as `zod:<code>`). */
const messagesOf = (media: unknown) =>
  sendNode.data
    .safeParse({ text: 'hi', media })
    .error?.issues.map((issue) =>
      issue.code === 'custom' ? String(issue.params?.code) : `zod:${issue.code}`,
    ) ?? [];

describe('send.media', () => {
  it('is null unless set, and a send without it carries no media', () => {
    expect(sendNode.data.parse({ text: 'hi' }).media).toBeNull();
    expect(sendEffects({ text: 'hi' })).toEqual([
      {
        kind: 'send',
        nodeId: 'hello',
        visit: 1,
        part: 1,
        text: 'hi',
        variant: 0,
        to: 'contact',
        mention: false,
      },
    ]);
  });

  it.each([
    ['an uploaded image', { kind: 'image', mediaId: MEDIA_ID }],
    ['an image address', { kind: 'image', url: 'https://cdn.example.com/a.png' }],
    [
      'a link card',
      {
        kind: 'link',
        url: 'https://shop.example.com/spring?from=wechat',
        title: '春季新品',
        description: '全场八折',
        thumbnailUrl: 'http://cdn.example.com/s.jpg',
      },
    ],
    [
      'a mini-program card',
      {
        kind: 'mini_program',
        appId: 'wx1234567890abcdef',
        title: '会员中心',
        pagePath: 'pages/member/index?from=bot',
        username: 'gh_0123456789ab',
      },
    ],
  ])('sends %s after the rendered text, as the node has it', (_, media) => {
    const [effect] = sendEffects({ text: '你好 {{contact.name|朋友}}', media });
    expect(effect).toEqual({
      kind: 'send',
      nodeId: 'hello',
      visit: 1,
      part: 1,
      text: '你好 朋友',
      variant: 0,
      to: 'contact',
      mention: false,
      media,
    });
  });

  it('sends an image either uploaded or by address, not neither or both', () => {
    expect(messagesOf({ kind: 'image' })).toEqual(['image_source']);
    expect(messagesOf({ kind: 'image', mediaId: MEDIA_ID, url: 'https://cdn.example.com/a.png' })).toEqual([
      'image_source',
    ]);
    expect(messagesOf({ kind: 'image', mediaId: 'not-an-id' })).not.toEqual([]);
  });

  it.each([
    'javascript:alert(1)',
    'data:image/png;base64,AAAA',
    'file:///etc/passwd',
    'ftp://example.com/a.png',
    'https://user:secret@example.com/a.png',
    'http://localhost:3000/api/media/x',
    'http://127.0.0.1/a.png',
    'http://2130706433/a.png',
    'http://10.0.0.8/a.png',
    'http://192.168.1.1/a.png',
    'http://172.20.0.1/a.png',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/a.png',
    'http://intranet/a.png',
    'https://printer.local/a.png',
    'https://exa mple.com/a.png',
    'not a url',
  ])('refuses %s as an address', (url) => {
    expect(isPublicHttpUrl(url)).toBe(false);
    expect(messagesOf({ kind: 'link', url, title: 'x' })).toContain('public_url');
  });

  it('bounds every text and checks the AppID', () => {
    const card = { kind: 'mini_program', appId: 'wx1234567890abcdef', title: 't', pagePath: 'p' };
    expect(messagesOf(card)).toEqual([]);
    expect(messagesOf({ ...card, appId: 'wx123' })).toEqual(['mini_program_app_id']);
    expect(messagesOf({ ...card, title: '' })).not.toEqual([]);
    expect(messagesOf({ ...card, title: 'x'.repeat(101) })).not.toEqual([]);
    expect(messagesOf({ ...card, pagePath: 'p'.repeat(501) })).not.toEqual([]);
    expect(
      messagesOf({ kind: 'link', url: `https://example.com/${'a'.repeat(2000)}`, title: 't' }),
    ).not.toEqual([]);
    expect(
      messagesOf({ kind: 'link', url: 'https://example.com', title: 't', description: 'd'.repeat(301) }),
    ).not.toEqual([]);
    expect(messagesOf({ kind: 'video', url: 'https://example.com' })).not.toEqual([]);
  });
});

describe('send.to', () => {
  it("posts in the run's group, @-mentioning the contact unless told not; never mentions in private", () => {
    expect(sendNode.data.parse({ text: 'hi' })).toMatchObject({ to: 'contact', mention: true });
    const room = (data: Record<string, unknown>) =>
      sendEffects({ text: '欢迎 {{contact.name|新朋友}}', ...data }, 'room').map(({ to, mention }) => ({
        to,
        mention,
      }));
    expect(room({ to: 'room' })).toEqual([{ to: 'room', mention: true }]);
    expect(room({ to: 'room', mention: false })).toEqual([{ to: 'room', mention: false }]);
    expect(room({ to: 'contact', mention: true })).toEqual([{ to: 'contact', mention: false }]);
  });
});
