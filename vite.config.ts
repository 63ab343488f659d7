import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const repo = path.dirname(fileURLToPath(import.meta.url));
const api = 'http://localhost:8080';
const web = path.join(repo, 'src/web');

/**
 * The public application form is its own entry (apply.html): the dev server sends it for /apply/:token
 * as the server does in production (src/server/app.ts), instead of the app's index.html.
 */
const applyEntryInDev: Plugin = {
  name: 'doanvien-apply-entry',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      if (req.url && /^\/apply\/[^/?]+/.test(req.url)) req.url = '/apply.html';
      next();
    });
  },
};

/**
 * The web app: sources in src/web, built into dist/web where the server serves it.
 * `npm run dev` (API on :8080) + `npx vite` gives hot reload; /api and /docs go to the server.
 * The proxy keeps the browser's Host header (no changeOrigin): the server's CSRF check compares
 * Origin with Host, and both then name the Vite address.
 */
export default defineConfig({
  root: web,
  plugins: [
    react(),
    applyEntryInDev,
    // Precompressed beside each file (x.js.br, x.js.gz): the server sends them as they are (preCompressed).
    compression({
      include: /\.(js|css|html|svg|json)$/,
      threshold: 1024,
      algorithms: [defineAlgorithm('gzip', { level: 9 }), defineAlgorithm('brotliCompress')],
    }),
  ],
  build: {
    outDir: path.join(repo, 'dist/web'),
    emptyOutDir: true,
    // Built for the operators, never referenced nor served (the server refuses .map).
    sourcemap: 'hidden',
    // antd is one cached vendor chunk (~330 kB gzip) by choice; warn only if it grows well beyond that.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // The app, and the public application form with nothing of the app's shell.
      input: { index: path.join(web, 'index.html'), apply: path.join(web, 'apply.html') },
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        // Pages are split by the lazy imports in the router.
        codeSplitting: {
          groups: [
            // ECharts only where a chart is drawn (the dashboard), never on the login or apply pages.
            {
              name: 'charts',
              test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor)[\\/]/,
              priority: 15,
            },
            // React alone, shared by both entries; the router is the app's (the apply entry has none).
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            { name: 'router', test: /node_modules[\\/]react-router[\\/]/, priority: 30 },
          ],
        },
      },
    },
  },
  server: {
    // Object form on purpose: Vite's string shorthand turns changeOrigin on, which breaks the CSRF check.
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/docs': { target: api, changeOrigin: false },
    },
  },
});
