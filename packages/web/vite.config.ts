import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The Fastify server serves dist/ (with SPA fallback); in dev, Vite proxies the API to it.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022' },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
