// The signed-in member's own things (API "Groups", chat commands): binding their WeChat to the bot
// with a one-time code, so the bot answers their chat commands (#统计…) from the phone.
import { z } from 'zod';

const localized = z.object({ 'zh-CN': z.string(), en: z.string() });

/** A chat command as the profile page lists it: its names (after `#`), what it does, an example. */
export const chatCommandInfo = z.object({
  names: z.array(z.string()),
  describe: localized,
  example: localized,
});
export type ChatCommandInfo = z.infer<typeof chatCommandInfo>;

/** `GET /api/me/wechat`: bound to which contact, or the pending code (until it expires). */
export const meWechatBody = z.object({
  bound: z.boolean(),
  contact: z.object({ id: z.uuid(), name: z.string() }).optional(),
  boundAt: z.iso.datetime().optional(),
  code: z.string().optional(),
  expiresAt: z.iso.datetime().optional(),
  commands: z.array(chatCommandInfo),
});
export type MeWechatBody = z.infer<typeof meWechatBody>;

/** `POST /api/me/wechat/code` → 201: six digits, valid 15 minutes; a new one replaces the old. */
export const wechatCodeBody = z.object({ code: z.string().regex(/^\d{6}$/), expiresAt: z.iso.datetime() });
export type WechatCodeBody = z.infer<typeof wechatCodeBody>;
