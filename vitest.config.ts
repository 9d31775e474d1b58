import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

/// Unit tests: everything under tests/unit, run in Node (ProseMirror tests build documents without a DOM).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20000,
    // The CLI looks for the desktop app's data folder; tests must never read or write the real one.
    env: { JIAODUI_STATE_FILE: path.join(os.tmpdir(), `jiaodui-unit-tests-${process.pid}`, 'state.json') },
  },
});
