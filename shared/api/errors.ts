// Every error code the API answers (API.md "Errors"), with its HTTP status. The server cannot throw
// a code missing here (HttpError takes an ApiErrorCode), and the editor's catalogue test fails while
// a code has no sentence in a language. `details.params` holds the values a sentence is built from.

export const API_ERRORS = {
  bad_request: 400,
  /** `params.now`: a snooze must end after now (on the account's clock). */
  snooze_in_past: 400,
  /** `params.reason`: `reversed` (from after to) or `too_long` (more than `params.maxDays` days). */
  invalid_range: 400,
  /** A body, query or path parameter fails its schema: `details` lists the zod issues by field path. */
  invalid_request: 400,
  /** `params.reason`: `empty`, `too_deep` (with `maxDepth`) or `syntax`. */
  invalid_json: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  /** `params.role`: the caller's role, which may not do this. */
  forbidden: 403,
  bad_csrf_token: 403,
  /** `params.role` may not hand out `params.grant`. */
  role_not_grantable: 403,
  /** `params.what`: one of NOT_FOUND (a `version` also has `params.version`). */
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  /** `params.email` */
  already_member: 409,
  last_owner: 409,
  /** `params.status`: the outbox row's status, which is neither `unknown` nor `failed`. */
  not_undelivered: 409,
  not_published: 409,
  /** `params.status`: the lead's status (only a `requested` lead can accept the friend request). */
  lead_not_requested: 409,
  sandbox_offline: 409,
  /** A sandbox contact has no invitation of the bot's (to that group, with `roomId`) to accept. */
  no_pending_invite: 409,
  /** A sandbox contact speaks in a group they are not in. */
  not_room_member: 409,
  /** `params.topic`: the bot neither owns nor manages this group, so it cannot remove members. */
  room_not_managed: 409,
  /** `params.name`: the workspace has a room set of that name already. */
  room_set_exists: 409,
  /** `params.slug`: another room set's live code has that address. */
  live_code_taken: 409,
  /** `params.field` (`name`, `slug` or `helloCode`) of another channel has `params.value`. */
  channel_taken: 409,
  /** Assigning a conversation to someone who is not a member who takes conversations (`members.agent`). */
  not_assignable: 409,
  /** `params.shortcut`: the workspace has a saved reply with that shortcut already. */
  saved_reply_exists: 409,
  /** `params.name`: the workspace has a saved segment of that name already. */
  segment_name_taken: 409,
  /** `params.action` (launch, pause, resume, cancel, edit, delete) is not allowed while the campaign is `params.status`. */
  campaign_status: 409,
  /** `params.reason`: the flow is `not_found` in the workspace, `not_published`, or `not_campaign` (no `trigger.campaign`). */
  campaign_flow: 422,
  /** A closed conversation cannot be snoozed: reopen it first. */
  conversation_closed: 409,
  /** Only an outbound message (the bot's, an agent's or the operator's) can be reviewed. */
  not_reviewable: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  /** `details.errors` / `details.warnings`: the lint issues; `params.action`: `publish` or `preview`. */
  invalid_flow: 422,
  /** `params.retryAfterSeconds` */
  rate_limited: 429,
  internal_error: 500,
  /** `params.reason`: `no_worker` (nobody took the command in time) or `failed`. */
  sandbox_unavailable: 503,
} as const satisfies Record<string, number>;

export type ApiErrorCode = keyof typeof API_ERRORS;
export const API_ERROR_CODES = Object.keys(API_ERRORS) as ApiErrorCode[];

/** What a `not_found` may be about, with its English name for the message. */
export const NOT_FOUND = {
  flow: 'Flow',
  version: 'Version',
  published_version: 'Published version',
  contact: 'Contact',
  member: 'Member',
  api_key: 'API key',
  bot_account: 'Bot account',
  sandbox_account: 'Sandbox bot account',
  sandbox_contact: 'Sandbox contact',
  outbox_message: 'Outbox message',
  media_file: 'Media file',
  lead: 'Lead',
  room: 'Group',
  /** `params.name` */
  room_set: 'Room set',
  room_member: 'Group member',
  live_code: 'Live code',
  conversation: 'Conversation',
  saved_reply: 'Saved reply',
  segment: 'Segment',
  campaign: 'Campaign',
  channel: 'Channel',
  message: 'Message',
  workspace: 'Workspace',
  route: 'Route',
} as const;

export type NotFoundWhat = keyof typeof NOT_FOUND;
export const NOT_FOUND_WHATS = Object.keys(NOT_FOUND) as NotFoundWhat[];
