// Named role sets that routes declare as `config.access`.
import { ROLES } from '../shared/roles.ts';

export const ANY_MEMBER = ROLES;
export const ADMINS = ['owner', 'admin'] as const;
export const BUILDERS = ['owner', 'admin', 'marketer'] as const;
export const AGENTS = ['owner', 'admin', 'marketer', 'agent'] as const;
