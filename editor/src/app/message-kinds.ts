// What a message that is not text shows as in a transcript: the contact sent a picture, a voice
// message… (the archive keeps the kind, `text` is then empty), or the bot did something other than
// send (accept a friend request).
import { defineMessages, useLang } from '../i18n.ts';

const kinds = defineMessages({
  'zh-CN': {
    image: '[图片]',
    voice: '[语音]',
    video: '[视频]',
    file: '[文件]',
    emoticon: '[表情]',
    link: '[链接]',
    mini_program: '[小程序]',
    location: '[位置]',
    contact_card: '[名片]',
    transfer: '[转账]',
    red_envelope: '[红包]',
    recalled: '[已撤回的消息]',
    system: '[系统消息]',
    friend_accept: '[通过好友申请]',
    other: '[其他消息]',
  },
  en: {
    image: '[Image]',
    voice: '[Voice message]',
    video: '[Video]',
    file: '[File]',
    emoticon: '[Sticker]',
    link: '[Link]',
    mini_program: '[Mini program]',
    location: '[Location]',
    contact_card: '[Contact card]',
    transfer: '[Transfer]',
    red_envelope: '[Red envelope]',
    recalled: '[Recalled message]',
    system: '[System message]',
    friend_accept: '[Friend request accepted]',
    other: '[Other message]',
  },
});

type Kind = Parameters<typeof kinds.translate>[1];
const TEXT_KINDS = new Set(['text', 'message']);

/** The placeholder for a message of `kind`, or null when it is text and shows as such. */
export function kindLabel(kind: string | null | undefined, lang: Parameters<typeof kinds.translate>[0]) {
  if (!kind || TEXT_KINDS.has(kind)) return null;
  const label = kinds.translate(lang, kind as Kind);
  return label === kind ? kinds.translate(lang, 'other') : label;
}

/** A message's text as a transcript shows it: its text, or its kind's placeholder when it has none. */
export function useMessageText(): (message: { text: string | null; kind?: string | null }) => string {
  const { lang } = useLang();
  return ({ text, kind }) => (text ? text : (kindLabel(kind, lang) ?? ''));
}
