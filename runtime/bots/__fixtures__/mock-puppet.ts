// A "real" WeChat account for tests: a bot account with `puppet` = this file's absolute path and `puppetOptions`
// `{ world: key }` logs in as `mockWorld(key).user`; drive contacts and rooms through `mockWorld(key).mocker`.
import { randomUUID } from 'node:crypto';
import type { types } from 'wechaty';
import { mock, PuppetMock } from 'wechaty-puppet-mock';

export interface MockWorld {
  /** wechaty-puppet-mock's world: `createContact`, `createRoom`, `contact.say(text | FileBox).to(…)`. */
  readonly mocker: mock.Mocker;
  /** The account's own WeChat user, logged in when the puppet starts; its `say` is the operator's phone. */
  readonly user: mock.ContactMock;
}

/** Worlds by key; a world outlives its puppets, so a restarted connection finds its contacts again. */
export const mockWorlds = new Map<string, MockWorld>();

/** The world under `key`, created (with its user named `userName`) on first use: before or after the runtime connects. */
export function mockWorld(key: string, userName = 'Wefunnel Bot'): MockWorld {
  let world = mockWorlds.get(key);
  if (!world) {
    const mocker = new mock.Mocker();
    world = { mocker, user: mocker.createContact({ name: userName }) };
    mockWorlds.set(key, world);
  }
  return world;
}

/** A message of any Wechaty type (the mock's own `say` makes only texts and files): a transfer, a link card… */
export function sayOfType(
  world: MockWorld,
  from: mock.ContactMock,
  to: mock.ContactMock | mock.RoomMock,
  type: types.Message,
  text = '',
): void {
  const base = { id: randomUUID(), talkerId: from.id, timestamp: Date.now(), type, text };
  world.mocker.MessageMock.create(
    to instanceof mock.RoomMock
      ? { ...base, roomId: to.id, mentionIdList: [] }
      : { ...base, listenerId: to.id },
  );
  world.mocker.puppet.emit('message', { messageId: base.id });
}

export default class WorldPuppet extends PuppetMock {
  private readonly world: MockWorld;

  constructor(options: { world?: string } = {}) {
    if (!options.world) throw new Error('the mock puppet needs puppetOptions.world');
    const world = mockWorld(options.world);
    // A Mocker binds to one puppet for good; the world's next puppet (a restart) takes it over.
    (world.mocker as unknown as { _puppet?: PuppetMock })._puppet = undefined;
    super({ mocker: world.mocker });
    this.world = world;
  }

  override async onStart(): Promise<void> {
    await super.onStart();
    // Like a puppet with a saved session: logged in right after it starts, no QR code.
    setImmediate(() => this.login(this.world.user.id));
  }
}
