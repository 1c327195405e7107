// Words about undelivered messages, in the contact's transcript and on the bots page.
import { defineMessages } from '../i18n.ts';

export const undeliveredMessages = defineMessages({
  'zh-CN': {
    unknown: '未知',
    failed: '失败',
    unknownHint: '服务中断时正在发送：可能已经发到微信，也可能没有。重发前可在手机上确认，以免对方收到两次。',
    failedHint: '没有发出去。',
    failedReason: '微信或账号返回的原因',
    resend: '重发',
    dismiss: '忽略',
    resendAnyway: '可能会发第二次，仍然重发？',
    cancel: '取消',
    summary: '{count} 条消息没有确认送达，见聊天记录底部：可以重发，或确认无需再发后忽略。',
    viewerOnly: '查看者不能重发或忽略。',
    unknownCount: '{count} 条未知',
    failedCount: '{count} 条失败',
    countsHint: '有消息没有确认送达：打开对应联系人，在聊天记录里重发或忽略。',
  },
  en: {
    unknown: 'Unknown',
    failed: 'Failed',
    unknownHint:
      'It was being sent when the service stopped: it may or may not have reached WeChat. Check on the phone before resending, so the contact does not get it twice.',
    failedHint: 'Not sent.',
    failedReason: 'The reason WeChat or the account gave',
    resend: 'Resend',
    dismiss: 'Dismiss',
    resendAnyway: 'It may arrive twice. Resend anyway?',
    cancel: 'Cancel',
    summary:
      'Messages not confirmed as delivered: {count}, at the end of the transcript. Resend them, or dismiss them once you know they need no resending.',
    viewerOnly: 'Viewers cannot resend or dismiss.',
    unknownCount: '{count} unknown',
    failedCount: '{count} failed',
    countsHint: 'Some messages were not confirmed as delivered: open the contact to resend or dismiss them.',
  },
});
