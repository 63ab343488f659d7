import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const repo = path.dirname(fileURLToPath(import.meta.url));
const api = 'http://localhost:8080';

/**
 * The web app: sources in src/web, built into dist/web where the server serves it.
 * `npm run dev` (API on :8080) + `npx vite` gives hot reload; /api and /docs go to the server.
 * The proxy keeps the browser's Host header (no changeOrigin): the server's CSRF check compares
 * Origin with Host, and both then name the Vite address.
 */
export default defineConfig({
  root: path.join(repo, 'src/web'),
  plugins: [
    react(),
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
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
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
