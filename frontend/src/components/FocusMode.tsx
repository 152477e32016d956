import { createContext, useContext } from 'react'

/** Focus mode hides the navigation (the run view on a projector). */
export interface FocusModeCtx {
  focus: boolean
  setFocus: (on: boolean) => void
}

export const FocusModeContext = createContext<FocusModeCtx>({ focus: false, setFocus: () => {} })

export function useFocusMode(): FocusModeCtx {
  return useContext(FocusModeContext)
}
