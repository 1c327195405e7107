// The sandbox (simulator) API: simulated WeChat contacts that talk to the real runtime.
import { z } from 'zod';
import { durationMs, isDuration } from '../flow/index.ts';
import { schemaError } from '../schema-issues.ts';
import { text } from './common.ts';
import { transcriptMedia } from './media.ts';

export const sandboxContactBody = z.object({
  name: text().trim().min(1).max(100),
  weixin: text().trim().min(1).max(100).optional(),
});
export const sandboxContact = z.object({ id: z.uuid(), name: z.string() });
/** The simulator's contact picker: the sandbox account's contacts, newest first. */
export const sandboxContactList = z.array(
  sandboxContact.extend({
    friendStatus: z.string(),
    /** The flow whose draft this test contact talks to ("try the draft"); null: the published flows. */
    previewFlowId: z.uuid().nullable(),
  }),
);
/** The workspace's sandbox clock (its own: no other workspace's, no real account's). */
export const sandboxClock = z.object({ now: z.iso.datetime() });

/**
 * `POST /api/sandbox/contacts/:id/reset`: the test contact starts over — its runs end, its messages,
 * attributes, tags and goals go, it is a stranger again. With `previewFlowId` it then talks to that
 * flow's current draft (compiled as a preview that never touches the published version's counts;
 * 422 `invalid_flow` while the draft has lint errors); with null, to the published flows again.
 */
export const sandboxResetBody = z.object({ previewFlowId: z.uuid().nullable().optional() }).default({});
export const sandboxResetResult = sandboxContact.extend({ previewFlowId: z.uuid().nullable() });

export const friendRequestBody = z.object({ hello: text().max(500).default('') });
export const sandboxMessageBody = z.object({ text: text().min(1).max(100_000) });

export const reply = z.object({
  text: z.string(),
  nodeId: z.string().nullable(),
  flowId: z.string().nullable(),
  /** Said in this group (a `rooms` id: a welcome, a group keyword's answer); null: in private. */
  roomId: z.uuid().nullable().optional(),
});
export const repliesBody = z.object({ replies: z.array(reply) });

export const transcriptBody = z.array(
  z.object({
    direction: z.enum(['in', 'out']),
    text: z.string(),
    /** text, or the kind of media the contact sent (image, voice…; `text` is then ''). */
    kind: z.string().optional(),
    /**
     * The image or card sent with (or as) this message, from `messages.media`: `{kind: 'image',
     * mediaId}` (load it from `/api/media/:id`), `{kind: 'image', url}`, a link or mini-program card.
     */
    media: transcriptMedia.nullable().optional(),
    at: z.iso.datetime(),
    nodeId: z.string().nullable(),
    /** The group it was said in (a `rooms` id); null: in private. */
    roomId: z.uuid().nullable().optional(),
  }),
);

/** One advance moves the clock at most this far (a bigger jump is several calls). */
export const MAX_CLOCK_ADVANCE = 'P90D';
const MAX_ADVANCE_MS = 90 * 24 * 3_600_000;

export const clockAdvanceBody = z.object({
  by: z
    .string()
    .max(40)
    .refine(isDuration, schemaError('duration_format'))
    .refine(
      (by) => (durationMs(by) ?? 0) <= MAX_ADVANCE_MS,
      schemaError('duration_too_long', { max: MAX_CLOCK_ADVANCE, days: MAX_ADVANCE_MS / 86_400_000 }),
    )
    .refine((by) => (durationMs(by) ?? 0) > 0, schemaError('duration_zero')),
});
export const clockAdvanced = z.object({ now: z.iso.datetime(), fired: z.number().int() });

/** At most this many contacts per bulk call (a bigger audience is several calls). */
export const MAX_BULK_CONTACTS = 5000;

/**
 * `POST /api/sandbox/contacts/bulk` (API "Segments and campaigns"): many contacts of the sandbox
 * account with generated histories — names, friend statuses (mostly friends, a few deleted us or
 * strangers), first added / last inbound / last outbound times, 168-hour activity counts with a
 * favourite hour, tags and attributes. `seed` makes the generated histories repeatable (tests).
 */
export const sandboxBulkBody = z.object({
  count: z.number().int().min(1).max(MAX_BULK_CONTACTS).default(1000),
  activity: z.enum(['random']).default('random'),
  /** A sandbox account of the workspace; the workspace's first one when absent. */
  botAccountId: z.uuid().optional(),
  seed: z.number().int().min(0).max(2_147_483_647).optional(),
});
export const sandboxBulkCreated = z.object({
  created: z.number().int(),
  /** The first 100 contacts' ids, in the order they were generated. */
  ids: z.array(z.uuid()).optional(),
});

/** `POST /api/sandbox/contacts/:id/delete-us`: the simulated person deleted the bot. */
export const sandboxDeletedUs = z.object({ id: z.uuid() });
