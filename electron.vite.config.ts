import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'
import { type Plugin, type UserConfig } from 'vite'

const root = import.meta.dirname

/**
 * The vite dev server needs an inline React-refresh preamble and a websocket for HMR; the shipped CSP (index.html)
 * forbids both. Only while serving, relax the meta tag; `electron-vite build` ships it untouched.
 */
function devServerCsp(): Plugin {
  return {
    name: 'crm:dev-server-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*"),
  }
}

/** The renderer's vite config, shared by `electron-vite build` and the web harness (scripts/dev-web.ts). */
export function rendererViteConfig(): UserConfig {
  return {
    root: resolve(root, 'src/renderer'),
    plugins: [react(), devServerCsp()],
    build: {
      rolldownOptions: { input: resolve(root, 'src/renderer/index.html') },
      // Loaded from disk, never over a network: one unminified bundle is fine for a desktop app.
      chunkSizeWarningLimit: 4096,
    },
  }
}

export default defineConfig({
  main: {
    build: {
      // better-sqlite3 (native), drizzle-orm, zod … load from node_modules at run time (asarUnpack for the .node file).
      externalizeDeps: true,
      rolldownOptions: { input: { index: resolve(root, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require() anything but electron: bundle everything, emit CommonJS (index.cjs).
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererViteConfig(),
})
