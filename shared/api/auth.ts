// Login, the current session, members and API keys (API.md "Auth and workspaces").
import { z } from 'zod';
import { emailSchema, roleSchema, text } from './common.ts';

export const loginBody = z.object({
  email: emailSchema,
  password: text().min(1).max(200),
});

export const userSchema = z.object({ id: z.uuid(), email: z.string(), name: z.string() });
export const workspaceSchema = z.object({ id: z.uuid(), name: z.string(), timeZone: z.string() });

/** For an API key there is no user and no CSRF token: both are null. */
export const sessionBody = z.object({
  user: userSchema.nullable(),
  workspace: workspaceSchema,
  role: roleSchema,
  csrfToken: z.string().nullable(),
});
export type SessionBody = z.infer<typeof sessionBody>;

export const memberCreateBody = z.object({
  email: emailSchema,
  password: text().min(8).max(200),
  role: roleSchema,
  name: text().trim().max(100).optional(),
});

export const memberSchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  /** Takes conversations in the inbox: assignable, and in the round robin while online. */
  agent: z.boolean(),
  /** Seen within ONLINE_MS (shared/api/conversations.ts). */
  online: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type Member = z.infer<typeof memberSchema>;

/** Either or both: a new role (to `agent`, it also takes conversations unless `agent` says otherwise). */
export const memberUpdateBody = z.object({ role: roleSchema.optional(), agent: z.boolean().optional() });

export const apiKeyCreateBody = z.object({
  name: text().trim().min(1).max(100),
  role: roleSchema,
});

export const apiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: roleSchema,
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const apiKeyCreated = z.object({ id: z.uuid(), name: z.string(), role: roleSchema, key: z.string() });

export const healthBody = z.object({
  ok: z.boolean(),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
