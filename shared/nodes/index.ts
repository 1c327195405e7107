// The node catalogue (NODES.md): one line per node type. Adding a type is a file beside this one,
// a line here and a golden fixture; the compiler and the runtime do not change.

import type { AnyNodeDefinition } from '../flow/node-definition.ts';
import { createRegistry } from '../flow/registry.ts';
import { askNode } from './ask.ts';
import { conditionNode } from './condition.ts';
import { couponNode } from './coupon.ts';
import { endNode } from './end.ts';
import { goalNode } from './goal.ts';
import { handoffNode } from './handoff.ts';
import { inviteRoomNode } from './invite_room.ts';
import { sendNode } from './send.ts';
import { setAttributeNode } from './set_attribute.ts';
import { splitNode } from './split.ts';
import { tagNode } from './tag.ts';
import { campaignTrigger } from './trigger.campaign.ts';
import { friendRequestTrigger } from './trigger.friend_request.ts';
import { keywordTrigger } from './trigger.keyword.ts';
import { leadTrigger } from './trigger.lead.ts';
import { roomJoinTrigger } from './trigger.room_join.ts';
import { waitNode } from './wait.ts';
import { waitReplyNode } from './wait_reply.ts';

export const NODE_TYPES: readonly AnyNodeDefinition[] = [
  friendRequestTrigger,
  keywordTrigger,
  leadTrigger,
  campaignTrigger,
  roomJoinTrigger,
  sendNode,
  askNode,
  waitReplyNode,
  waitNode,
  conditionNode,
  splitNode,
  goalNode,
  endNode,
  tagNode,
  setAttributeNode,
  couponNode,
  inviteRoomNode,
  handoffNode,
];

export const nodeRegistry = createRegistry(NODE_TYPES);
