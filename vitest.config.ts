import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,server,runtime,editor,test,e2e}/**/*.test.{ts,tsx}'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
