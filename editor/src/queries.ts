// Lists more than one part of the editor reads, each under one react-query key, so a page and a
// widget showing the same list share its cache and its refreshes.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { couponPoolSchema } from '../../shared/api/coupons.ts';
import type { flowListItem } from '../../shared/api/flows.ts';
import { type Role, roleRank } from '../../shared/roles.ts';
import { api, loadSession } from './api.ts';

export type FlowItem = z.infer<typeof flowListItem>;
export type CouponPool = z.infer<typeof couponPoolSchema>;

/** Every flow of the workspace; under ['flows'], so any flow change refreshes it. */
export const useFlowList = () =>
  useQuery({ queryKey: ['flows'], queryFn: () => api<FlowItem[]>('GET', '/flows') });

export const couponPoolsKey = ['coupon-pools'] as const;

export const useCouponPools = (options: { staleTime?: number; retry?: boolean } = {}) =>
  useQuery({
    queryKey: couponPoolsKey,
    queryFn: () => api<CouponPool[]>('GET', '/coupon-pools'),
    ...options,
  });

/** Who is signed in, into which workspace, with which role; null once signed out. */
export const useSession = () =>
  useQuery({ queryKey: ['session'], queryFn: loadSession, staleTime: Infinity });

/** Whether the signed-in member's role is `role` or above; false while the session is unknown. */
export function useRoleAtLeast(role: Role): boolean {
  const session = useSession().data;
  return session ? roleRank(session.role) <= roleRank(role) : false;
}
