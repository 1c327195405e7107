// Every table, for drizzle-kit and for the typed `Db`.
export * from './api-keys.ts';
export * from './bots.ts';
export * from './campaigns.ts';
export * from './channels.ts';
export * from './contacts.ts';
export * from './conversations.ts';
export * from './coupons.ts';
export * from './flows.ts';
export * from './leads.ts';
export * from './media.ts';
export * from './outbox.ts';
export * from './room-members.ts';
export * from './rooms.ts';
export * from './runs.ts';
export * from './users.ts';
export * from './workspaces.ts';
