// The explorer page: sources in web/, built to dist/web/ which `ties serve` serves at `/`.
// `npx vite` serves the page with /api proxied to a `ties serve` on TIES_API (default :8787).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./web/', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('./dist/web/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // One small bundle: no chunk splitting needed for a page this size.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': process.env.TIES_API ?? 'http://127.0.0.1:8787' },
  },
});
