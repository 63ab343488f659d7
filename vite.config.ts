import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

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
  plugins: [react()],
  build: {
    outDir: path.join(repo, 'dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    // antd is one cached vendor chunk (~330 kB gzip) by choice; warn only if it grows well beyond that.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        // Pages are split by the lazy imports in the router.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs)[\\/]/,
              priority: 20,
            },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
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
