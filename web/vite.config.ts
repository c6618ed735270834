import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run web:dev`: Vite's dev server with hot reload, passing the API (/graphql, its WebSocket
// too) and sign-in (/auth) through to a Conclave server (`npm start`, or CONCLAVE_API).
const api = process.env.CONCLAVE_API ?? 'http://localhost:4000';

export default defineConfig({
  root: __dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 600 },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: true },
      '/auth': { target: api, changeOrigin: true },
    },
  },
});
