// The bot commands of a sandbox account (a table: op name → what it does), performed by the process
// holding its lease. Each takes the contact from the database, so a contact created by the API (in
// any process) or remembered from before a restart is known to the simulated WeChat when it speaks.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { contacts, leads, outbox } from '../../shared/db/schema.ts';
import type { AccountDriver, CommandOp } from '../account-driver.ts';

const contactArgs = z.object({ contactId: z.uuid() });

/** The simulated WeChat of the account, knowing the contact; throws for a real account. */
async function worldWith(driver: AccountDriver, contactId: string) {
  const world = driver.sandbox;
  if (!world) throw new Error('not a sandbox account');
  const [row] = await driver.db
    .select()
    .from(contacts)
    .where(and(eq(contacts.id, contactId), eq(contacts.botAccountId, driver.id)));
  if (!row) throw new Error('no such contact on this account');
  world.know({
    puppetId: row.puppetId,
    name: row.name,
    weixin: row.weixin,
    friend: row.friendStatus === 'friend',
  });
  return { world, puppetId: row.puppetId };
}

// Each op ends with a dispatch pass: performed a second time (its worker died mid-way), the event is
// a duplicate that queues nothing, but what the first attempt queued is delivered before answering.
const message: CommandOp = async (driver, raw) => {
  const args = contactArgs.extend({ text: z.string(), messageId: z.string().min(1) }).parse(raw);
  const { world, puppetId } = await worldWith(driver, args.contactId);
  await world.sendMessage(puppetId, args.text, args.messageId);
  await driver.dispatch();
  await world.settled(puppetId);
  return {};
};

const friendRequest: CommandOp = async (driver, raw) => {
  const args = contactArgs.extend({ hello: z.string(), requestId: z.string().min(1) }).parse(raw);
  const { world, puppetId } = await worldWith(driver, args.contactId);
  await world.sendFriendRequest(puppetId, args.hello, args.requestId);
  // A worker that died after the simulated WeChat accepted (the accept went out, or may have) never
  // reported the confirm: on the simulated phone the friendship stands, so confirm it now.
  const [accept] = await driver.db
    .select({ status: outbox.status })
    .from(outbox)
    .where(eq(outbox.idempotencyKey, `accept:${driver.id}:${args.requestId}`));
  const [contact] = await driver.db
    .select({ friendStatus: contacts.friendStatus })
    .from(contacts)
    .where(eq(contacts.id, args.contactId));
  if ((accept?.status === 'sent' || accept?.status === 'unknown') && contact?.friendStatus !== 'friend')
    world.confirm(puppetId);
  // An accept the first attempt queued goes out now; its confirm's turn is this contact's follow-up.
  await driver.dispatch();
  await world.settled(puppetId);
  return {};
};

/** The test contact starts over: the simulated WeChat forgets the friendship too. */
const forget: CommandOp = async (driver, raw) => {
  const args = contactArgs.parse(raw);
  const { world, puppetId } = await worldWith(driver, args.contactId);
  await world.settled(puppetId);
  world.unfriend(puppetId);
  return {};
};

/** The simulated person accepts the friend request the sandbox sent for a website lead. */
const acceptLead: CommandOp = async (driver, raw) => {
  const { leadId } = z.object({ leadId: z.uuid() }).parse(raw);
  const [lead] = await driver.db.select().from(leads).where(eq(leads.id, leadId));
  if (!lead?.contactId) throw new Error('the lead has no friend request out');
  const { world, puppetId } = await worldWith(driver, lead.contactId);
  await world.acceptAdd(puppetId);
  await driver.dispatch();
  await world.settled(puppetId);
  return {};
};

const advance: CommandOp = async (driver, raw) => {
  const { ms } = z.object({ ms: z.number().int().positive() }).parse(raw);
  const { now, fired } = await driver.advance(ms);
  return { now: now.toISOString(), fired };
};

export const SANDBOX_COMMANDS: Record<string, { op: CommandOp; exclusive?: boolean }> = {
  'sandbox.message': { op: message },
  'sandbox.friend_request': { op: friendRequest },
  'sandbox.forget': { op: forget },
  'sandbox.accept_lead': { op: acceptLead },
  'clock.advance': { op: advance, exclusive: true },
};
