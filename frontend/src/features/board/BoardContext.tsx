import { createContext, useContext, type Dispatch } from 'react'
import type { Segment, TagCount } from '../../api'
import type { ListAction, ListState } from './listState'

export interface BoardCtx {
  segments: Segment[]
  tags: TagCount[]
  /** Bumped after every change, so lists and counts reload. */
  version: number
  changed: () => void
  list: ListState
  dispatch: Dispatch<ListAction>
  /** Set once the list has drawn real rows (the desktop render report is sent once). */
  reported: { current: boolean }
}

export const BoardContext = createContext<BoardCtx | null>(null)

export function useBoard(): BoardCtx {
  const ctx = useContext(BoardContext)
  if (!ctx) throw new Error('useBoard outside BoardFeature')
  return ctx
}
