import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/// Builds the renderer into dist/renderer with relative asset paths, so Electron (file://) and the harness both load it.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, target: 'es2022' },
});
