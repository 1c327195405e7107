// Who is calling: a member through a session cookie, or an API key. Every route reads this.
import type { Role } from '../../shared/roles.ts';

export type AuthContext =
  | { via: 'session'; sessionId: string; userId: string; workspaceId: string; role: Role; csrfToken: string }
  | {
      via: 'apiKey';
      apiKeyId: string;
      userId: null;
      /** The member who created the key: it works while they are a member of its workspace. */
      createdBy: string;
      workspaceId: string;
      role: Role;
    };

export const SESSION_COOKIE = 'wf_session';
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
