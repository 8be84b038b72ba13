import { defineConfig } from 'vitest/config';

// One run over every workspace package gives one summary line for the whole suite.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
  },
});
