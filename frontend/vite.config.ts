import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'
import { writeFileSync } from 'node:fs'

// dist/.gitkeep is committed so `//go:embed all:frontend/dist` compiles on a
// fresh clone; Vite empties dist on every build, so put it back.
const keepDist = {
  name: 'keep-dist',
  closeBundle() {
    writeFileSync('dist/.gitkeep', '')
  },
}

export default defineConfig({
  plugins: [react(), keepDist],
  build: { chunkSizeWarningLimit: 600 },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
})
