// Puppet libraries (wechat4u among them) reject promises nobody awaits, e.g. a login retry that fires
// after the account was stopped. Node ends the process on an unhandled rejection by default, which
// would take every other bot account and the API down with one puppet: log it and keep running.
export function keepRunningOnUnhandledRejections(log: { error(obj: unknown, msg?: string): void }): void {
  process.on('unhandledRejection', (reason) => {
    log.error({ err: reason }, 'unhandled promise rejection (a puppet library?); kept running');
  });
}
