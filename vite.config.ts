import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  server: { port: 5173 },
  // playwright.config.ts serves the production build on this port.
  preview: { port: 4173, strictPort: true },
  build: { sourcemap: true },
});
