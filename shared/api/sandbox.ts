// The sandbox (simulator) API: simulated WeChat contacts that talk to the real runtime.
import { z } from 'zod';
import { isDuration } from '../flow/index.ts';

export const sandboxContactBody = z.object({
  name: z.string().trim().min(1).max(100),
  weixin: z.string().trim().min(1).max(100).optional(),
});
export const sandboxContact = z.object({ id: z.uuid(), name: z.string() });
/** The simulator's contact picker: the sandbox account's contacts, newest first. */
export const sandboxContactList = z.array(sandboxContact.extend({ friendStatus: z.string() }));
export const sandboxClock = z.object({ now: z.iso.datetime() });

export const friendRequestBody = z.object({ hello: z.string().max(500).default('') });
export const sandboxMessageBody = z.object({ text: z.string().min(1).max(100_000) });

export const reply = z.object({
  text: z.string(),
  nodeId: z.string().nullable(),
  flowId: z.string().nullable(),
});
export const repliesBody = z.object({ replies: z.array(reply) });

export const transcriptBody = z.array(
  z.object({
    direction: z.enum(['in', 'out']),
    text: z.string(),
    at: z.iso.datetime(),
    nodeId: z.string().nullable(),
  }),
);

export const clockAdvanceBody = z.object({
  by: z.string().refine(isDuration, 'must be an ISO-8601 duration such as PT1H or P3D'),
});
export const clockAdvanced = z.object({ now: z.iso.datetime(), fired: z.number().int() });
