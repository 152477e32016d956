import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'
import { readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { gzipSync, constants } from 'node:zlib'

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

export default defineConfig({
  plugins: [react(), keepDist, gzipAssets],
  build: { chunkSizeWarningLimit: 600 },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
})
