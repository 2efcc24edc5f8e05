import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The HQ console (issue 21): built to dist/console, which HQ serves at `/`. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/console',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: true,
  },
});
