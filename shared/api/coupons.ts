// Coupon pools (API.md "Coupons").
import { z } from 'zod';

export const couponPoolBody = z.object({
  name: z.string().trim().min(1).max(100),
  codes: z.array(z.string().max(200)).max(10_000),
});
export const couponPoolSchema = z.object({
  name: z.string(),
  total: z.number().int(),
  issued: z.number().int(),
});
export const couponPoolCreated = couponPoolSchema.extend({ added: z.number().int() });
