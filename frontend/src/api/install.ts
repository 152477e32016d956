// Imported first by main.tsx, so the check runs at module evaluation time,
// before any binding is used.
import { installShim } from './shim'

installShim()
