import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is built into apps/console/dist, which the API serves at / (apps/api/src/console/serve-console.ts).
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  // `vite` alone (development): the API on its default port answers the calls.
  server: { proxy: { '^/(tasks|candidates|dev)(/|$)': 'http://localhost:3000' } },
});
