// A puppet that, like wechat4u, keeps its login session in the memory card Wechaty hands it.
import { PuppetMock } from 'wechaty-puppet-mock';

export default class SessionPuppet extends PuppetMock {
  override async onStart(): Promise<void> {
    await super.onStart();
    await this.memory.set('session', 'logged-in');
    await this.memory.save();
  }
}
