import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves the built SPA from dist/ at `/`; in `vite` dev mode the API calls go to a
// locally running API on its default address, so the browser stays same-origin either way.
const api = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': api, '/healthz': api, '/docs': api, '/openapi.json': api } },
});
