// The roles of a workspace member or API key, from most to least powerful.
export const ROLES = ['owner', 'admin', 'marketer', 'agent', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Lower rank = more power; used so nobody grants a role above their own. */
export const roleRank = (role: Role): number => ROLES.indexOf(role);
