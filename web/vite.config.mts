import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The console builds into dist/web, which the server serves at / (server/src/shared/http/consoleRoutes.ts). */
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    // `npm run dev:web` beside `npm start`: the API is proxied, so the cookie stays same-origin.
    proxy: { '/api': 'http://localhost:3000' },
  },
});
