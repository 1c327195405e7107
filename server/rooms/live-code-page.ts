// The public live code page as HTML: mobile first (WeChat's browser, where a long press on the QR
// code joins the group), no script at all, its one style block allowed by hash in its own strict CSP,
// in zh-CN or English by the visitor's Accept-Language.
import { createHash } from 'node:crypto';
import type { Locale } from '../../shared/i18n.ts';

const WORDS = {
  'zh-CN': {
    join: '扫码加入群聊',
    pressHint: '长按下方二维码，选择「识别图中二维码」即可加入。',
    desktopHint: '在电脑上打开？请用手机微信扫一扫这个二维码。',
    qrAlt: '群聊二维码',
    fullTitle: '群暂时满了',
    fullBody: '这一批群都已满员，我们正在准备新群。请稍后再打开这个页面试试。',
    missingTitle: '这个活码不存在',
    missingBody: '请检查链接是否完整，或联系把链接发给你的人。',
  },
  en: {
    join: 'Join the group chat',
    pressHint: 'Press and hold the QR code below, then choose “Scan QR code in image” to join.',
    desktopHint: 'On a computer? Scan this code with WeChat on your phone.',
    qrAlt: 'Group chat QR code',
    fullTitle: 'The groups are full right now',
    fullBody:
      'Every group is full at the moment and new ones are on their way. Please open this page again later.',
    missingTitle: 'This live code does not exist',
    missingBody: 'Check that the link is complete, or ask whoever sent it to you.',
  },
} satisfies Record<Locale, Record<string, string>>;

/** The page's look, which the channel friend page (server/channels/page.ts) shares. */
export const STYLE = `
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;padding:24px 16px;
background:#f1f5f9;color:#1e293b;font:16px/1.5 -apple-system,BlinkMacSystemFont,"PingFang SC","Hiragino Sans GB","Microsoft YaHei",sans-serif}
main{width:100%;max-width:360px;background:#fff;border-radius:16px;padding:28px 24px;text-align:center;
box-shadow:0 1px 3px rgba(15,23,42,.08),0 0 0 1px rgba(15,23,42,.06)}
.badge{display:inline-block;margin:0 0 12px;padding:2px 10px;border-radius:999px;background:#ecfdf5;color:#047857;font-size:13px}
h1{margin:0 0 8px;font-size:20px;line-height:1.35;word-break:break-word}
p{margin:0 0 16px;color:#475569;font-size:15px}
.qr{display:block;width:240px;height:240px;max-width:100%;margin:8px auto 16px;border-radius:8px;image-rendering:pixelated}
.small{font-size:13px;color:#94a3b8;margin:0}
.icon{font-size:40px;line-height:1;margin:0 0 12px}
`;
/** A public page's own CSP: nothing but its images, its style block by hash, and where forms may post. */
export const publicPageCsp = (style: string, formAction: "'none'" | "'self'") =>
  [
    "default-src 'none'",
    "img-src 'self'",
    `style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`,
    "base-uri 'none'",
    `form-action ${formAction}`,
    "frame-ancestors 'none'",
  ].join('; ');
export const LIVE_CODE_CSP = publicPageCsp(STYLE, "'none'");

/** The visitor's language: the first of zh / en in their Accept-Language by quality; Chinese otherwise. */
export function pageLocale(acceptLanguage: string | undefined): Locale {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag, q: q === undefined ? 1 : Number(q), i };
    })
    .filter((l) => l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export type LiveCodePage =
  | { kind: 'room'; topic: string; qrUrl: string }
  | { kind: 'full' }
  | { kind: 'missing' };

export function liveCodeHtml(page: LiveCodePage, lang: Locale): string {
  const w = WORDS[lang];
  const title = page.kind === 'room' ? w.join : page.kind === 'full' ? w.fullTitle : w.missingTitle;
  const body =
    page.kind === 'room'
      ? `<p class="badge">${escapeHtml(w.join)}</p>
<h1>${escapeHtml(page.topic || w.join)}</h1>
<p>${escapeHtml(w.pressHint)}</p>
<img class="qr" src="${escapeHtml(page.qrUrl)}" alt="${escapeHtml(w.qrAlt)}" width="240" height="240">
<p class="small">${escapeHtml(w.desktopHint)}</p>`
      : `<p class="icon" aria-hidden="true">${page.kind === 'full' ? '⏳' : '🔍'}</p>
<h1>${escapeHtml(title)}</h1>
<p class="small">${escapeHtml(page.kind === 'full' ? w.fullBody : w.missingBody)}</p>`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(page.kind === 'room' && page.topic ? page.topic : title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main data-state="${page.kind}">
${body}
</main>
</body>
</html>
`;
}
