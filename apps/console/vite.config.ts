import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { CONSOLE_SEGMENTS } from '../api/src/console/console-routes';

// In development every path but the console's own pages and Vite's files goes to the API.
const apiPaths = `^/(?!(?:${[...CONSOLE_SEGMENTS, 'src', 'node_modules', '@vite', '@react-refresh', '@id', '@fs'].join('|')})(?:/|$)).+`;

// The console is built into apps/console/dist, which the API serves at / (apps/api/src/console/serve-console.ts).
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  // `vite` alone (development): the API on its default port answers the calls.
  server: { proxy: { [apiPaths]: 'http://localhost:3000' } },
});
