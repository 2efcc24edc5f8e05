import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
    sourcemap: true,
  },
  server: {
    port: 5391,
    proxy: { '/api': 'http://127.0.0.1:5390' },
  },
});
