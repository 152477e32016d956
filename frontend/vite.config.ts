import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'
import { readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { gzipSync, constants } from 'node:zlib'
import { fileURLToPath } from 'node:url'

// dist/.gitkeep is committed so `//go:embed all:frontend/dist` compiles on a
// fresh clone; Vite empties dist on every build, so put it back.
const keepDist = {
  name: 'keep-dist',
  closeBundle() {
    writeFileSync('dist/.gitkeep', '')
  },
}

// Scripts and styles are kept gzipped (name.js.gz) in the binary, a third
// of their size; package webassets reads them back (backend/webassets).
const gzipAssets = {
  name: 'gzip-assets',
  closeBundle() {
    for (const name of readdirSync('dist/assets')) {
      if (!/\.(js|css|svg)$/.test(name)) continue
      const file = `dist/assets/${name}`
      writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: constants.Z_BEST_COMPRESSION }))
      unlinkSync(file)
    }
  },
}

// The room's page is one chunk with nothing to preload, so it needs no modulepreload polyfill. Left in, the
// polyfill becomes a chunk shared by both pages: the board's build changes, and room.html would reference a file
// outside the room's own assets (room-*), which its listener does not serve.
const roomAlone: Plugin = {
  name: 'room-alone',
  enforce: 'post',
  transform(code, id) {
    if (id.endsWith('/room.html')) return code.replace('import "vite/modulepreload-polyfill";\n', '')
  },
}

export default defineConfig({
  plugins: [react(), keepDist, gzipAssets, roomAlone],
  build: {
    chunkSizeWarningLimit: 600,
    // Two pages: the board app, and the participants' room (served on its own listener; no React, its own assets).
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        room: fileURLToPath(new URL('room.html', import.meta.url)),
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
})
