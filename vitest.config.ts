import { defineConfig } from 'vitest/config';

/// Unit tests: everything under tests/unit, run in Node (ProseMirror tests build documents without a DOM).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20000,
  },
});
