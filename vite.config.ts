/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Relative asset URLs: dist/ works from any sub-path of a static host.
  base: './',
  worker: { format: 'es' },
  build: { chunkSizeWarningLimit: 800 },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
    onConsoleLog: (log) => !log.includes("KaTeX doesn't work in quirks mode"),
  },
});
