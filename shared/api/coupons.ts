// Coupon pools (API.md "Coupons").
import { z } from 'zod';
import { text } from './common.ts';

export const couponPoolBody = z.object({
  name: text().trim().min(1).max(100),
  codes: z.array(text().max(200)).max(10_000),
});
export const couponPoolSchema = z.object({
  name: z.string(),
  total: z.number().int(),
  issued: z.number().int(),
});
export const couponPoolCreated = couponPoolSchema.extend({ added: z.number().int() });
