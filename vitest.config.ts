import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Starts the test PostgreSQL when NEWSDESK_TEST_PG_URL is not given (see the file).
    globalSetup: ['test/postgresSetup.ts'],
    // Index builds and the Discord loopback server need more than the 5 s default on a 2-core CI machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Command lines the tests spawn inherit this: with the default EMBEDDINGS=auto they would try
    // to download a model on a machine with network. Provider tests set their own values.
    env: { EMBEDDINGS: 'offline', ANSWER_MODE: 'extractive' },
  },
});
