// The public friend page of a channel as HTML, in the live code page's look (mobile first, no
// script, its style allowed by hash in its own strict CSP, zh-CN or English by Accept-Language):
// never a name of the workspace's — the QR code of the account to add (with the hello code to write, when the channel has one), the
// lead form that posts back to this page, its thanks, "full for today", or "no such page".
import type { Locale } from '../../shared/i18n.ts';
import { escapeHtml, STYLE as LIVE_CODE_STYLE, publicPageCsp } from '../rooms/live-code-page.ts';

const WORDS = {
  'zh-CN': {
    add: '扫码添加好友',
    pressHint: '长按下方二维码，选择「识别图中二维码」，即可添加好友。',
    helloHint: '发送好友申请时，请在验证消息里写上暗号：',
    desktopHint: '在电脑上打开？请用手机微信扫一扫这个二维码。',
    qrAlt: '好友二维码',
    leadTitle: '留下联系方式',
    leadHint: '填写姓名和手机号，我们会通过微信添加你为好友。',
    name: '姓名',
    phone: '手机号',
    submit: '提交',
    badPhone: '请填写正确的中国大陆手机号。',
    badName: '请填写姓名。',
    thanksTitle: '提交成功',
    thanksBody: '我们会尽快通过微信添加你为好友，请留意好友申请。',
    fullTitle: '今天的名额已满',
    fullBody: '今天添加好友的人太多了，请明天再打开这个页面试试。',
    missingTitle: '这个页面不存在',
    missingBody: '请检查链接是否完整，或联系把链接发给你的人。',
  },
  en: {
    add: 'Scan to add us on WeChat',
    pressHint: 'Press and hold the QR code below, then choose “Scan QR code in image” to add us.',
    helloHint: 'When you send the friend request, write this code in the message:',
    desktopHint: 'On a computer? Scan this code with WeChat on your phone.',
    qrAlt: 'Friend QR code',
    leadTitle: 'Leave your details',
    leadHint: 'Give your name and mobile number and we will add you on WeChat.',
    name: 'Name',
    phone: 'Mobile number',
    submit: 'Send',
    badPhone: 'Enter a mainland-China mobile number.',
    badName: 'Enter your name.',
    thanksTitle: 'Thank you',
    thanksBody: 'We will add you on WeChat shortly: watch for our friend request.',
    fullTitle: 'Full for today',
    fullBody: 'Too many people added us today. Please open this page again tomorrow.',
    missingTitle: 'This page does not exist',
    missingBody: 'Check that the link is complete, or ask whoever sent it to you.',
  },
} satisfies Record<Locale, Record<string, string>>;

const STYLE = `${LIVE_CODE_STYLE}
.code{display:inline-block;margin:0 0 16px;padding:6px 14px;border-radius:8px;background:#f1f5f9;font:600 20px/1.4 ui-monospace,Menlo,monospace;letter-spacing:.05em;color:#0f172a}
form{text-align:left}
label{display:block;margin:0 0 12px;font-size:14px;color:#334155}
input{display:block;width:100%;margin-top:4px;padding:10px 12px;border:1px solid #cbd5e1;border-radius:8px;font:inherit}
button{width:100%;padding:12px;border:0;border-radius:8px;background:#059669;color:#fff;font:600 16px/1 inherit}
.error{color:#b91c1c;font-size:14px}
`;

/** Its forms post back to this site only. */
export const CHANNEL_PAGE_CSP = publicPageCsp(STYLE, "'self'");

export type ChannelPage =
  | { kind: 'qr'; qrUrl: string; helloCode: string | null }
  | { kind: 'lead'; action: string; error?: 'badPhone' | 'badName'; name?: string; phone?: string }
  | { kind: 'thanks' | 'full' | 'missing' };

type Words = (typeof WORDS)[Locale];

function bodyOf(page: ChannelPage, w: Words): { title: string; html: string } {
  const e = escapeHtml;
  if (page.kind === 'qr')
    return {
      title: w.add,
      html: `<h1>${e(w.add)}</h1>
${page.helloCode ? `<p>${e(w.helloHint)}</p>\n<p class="code" data-testid="hello-code">${e(page.helloCode)}</p>` : ''}
<p>${e(w.pressHint)}</p>
<img class="qr" src="${e(page.qrUrl)}" alt="${e(w.qrAlt)}" width="240" height="240">
<p class="small">${e(w.desktopHint)}</p>`,
    };
  if (page.kind === 'lead')
    return {
      title: w.leadTitle,
      html: `<h1>${e(w.leadTitle)}</h1>
<p>${e(w.leadHint)}</p>
${page.error ? `<p class="error" role="alert">${e(w[page.error])}</p>` : ''}
<form method="post" action="${e(page.action)}">
<label>${e(w.name)}<input name="name" required maxlength="100" autocomplete="name" value="${e(page.name ?? '')}"></label>
<label>${e(w.phone)}<input name="phone" type="tel" required maxlength="40" autocomplete="tel" value="${e(page.phone ?? '')}"></label>
<button type="submit">${e(w.submit)}</button>
</form>`,
    };
  const [title, body, icon] =
    page.kind === 'thanks'
      ? [w.thanksTitle, w.thanksBody, '✅']
      : page.kind === 'full'
        ? [w.fullTitle, w.fullBody, '⏳']
        : [w.missingTitle, w.missingBody, '🔍'];
  return {
    title,
    html: `<p class="icon" aria-hidden="true">${icon}</p>
<h1>${e(title)}</h1>
<p class="small">${e(body)}</p>`,
  };
}

export function channelPageHtml(page: ChannelPage, lang: Locale): string {
  const { title, html } = bodyOf(page, WORDS[lang]);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main data-state="${page.kind}">
${html}
</main>
</body>
</html>
`;
}
