/// <reference types="vitest/config" />
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Everything the Spring Boot server answers itself; the rest is the SPA. SYGNIFY_BACKEND points elsewhere.
const backend = process.env.SYGNIFY_BACKEND ?? 'http://localhost:8000';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    port: 3001,
    strictPort: true,
    proxy: {
      '/api': backend,
      '/ws': { target: backend, ws: true },
      '/actuator': backend,
      '/docs': backend,
      '/api-docs': backend,
    },
  },
  preview: { port: 3001 },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The real budget is gzipped size, checked by scripts/check-bundle-size.mjs after each build.
    chunkSizeWarningLimit: 1024,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: a separate chunk stays cached across releases.
        codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // Anything that touches a socket gets a hard ceiling instead of hanging CI.
    testTimeout: 10_000,
    hookTimeout: 10_000,
  },
});
