// Builds the connection of a bot account from its row: the sandbox world, or a Wechaty puppet.
import type { Clock } from '../clock.ts';
import type { BotConnection } from './port.ts';
import { SandboxWorld } from './sandbox.ts';
import { createWechatyConnection } from './wechaty-connection.ts';

export async function connect(account: {
  name: string;
  puppet: string;
  puppetOptions?: Record<string, unknown>;
  sessionFile?: string;
  /** The account's clock: the sandbox stamps its simulated events with it. */
  clock: Clock;
}): Promise<{ connection: BotConnection; sandbox?: SandboxWorld }> {
  if (account.puppet === 'sandbox') {
    const world = new SandboxWorld(account.name, account.clock);
    return { connection: world, sandbox: world };
  }
  return { connection: await createWechatyConnection(account) };
}
