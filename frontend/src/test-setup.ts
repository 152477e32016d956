import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

// findBy* waits up to 1 s by default; on a loaded 2-core CI machine the
// import preview's async steps have taken longer, so wait up to 5 s.
configure({ asyncUtilTimeout: 5000 })

afterEach(() => cleanup())
