// Every table, for drizzle-kit and for the typed `Db`.
export * from './api-keys.ts';
export * from './users.ts';
export * from './workspaces.ts';
