// How a media card names what it shows, in both languages: the simulator's transcript, a contact's
// transcript and the send node's media preview use the same cards.
import { defineMessages } from '../../i18n.ts';

export const mediaMessages = defineMessages({
  'zh-CN': {
    image: '图片',
    externalImage: '网络图片',
    externalHint: '发送时从此地址获取，这里不预览。',
    link: '链接',
    miniProgram: '小程序',
    noTitle: '（无标题）',
  },
  en: {
    image: 'Image',
    externalImage: 'Image from the web',
    externalHint: 'Fetched from this address when sent; not previewed here.',
    link: 'Link',
    miniProgram: 'Mini program',
    noTitle: '(no title)',
  },
});
