// The participant API's shapes (the room contract, section 3). Kept here, not
// shared with the board app, so the room's bundle stays free of it.

export type ConsentKind = 'contact' | 'recording' | 'quoting'

export interface Me {
  name: string
  state: 'pending' | 'confirmed' | 'rejected'
  /** Plain sentences: what will be recorded about them in this session. */
  recorded: string[]
  agreed: { kind: ConsentKind; granted: boolean; selfDeclared: boolean }[]
  /** Kinds with nothing on record: asked now. */
  ask: ConsentKind[]
}

export interface Room {
  title: string
  activityKind?: string
  names: { id: string; name: string; taken: boolean }[]
  me?: Me
}

export interface Item {
  id: number
  role: string
  text: string
}

export interface Activity {
  id: number
  kind: string
  title: string
  prompt: string
  scale: number
  dots: number
  locked: boolean
  revealed: boolean
  items: Item[]
}

export interface MyEntry {
  key: string
  id: number
  kind: string
  itemId: number
  variantId: number
  targetId: number
  text: string
  value: number
}

export interface Revealed {
  tally: { itemId: number; counts: Record<string, number> }[]
  notes: { id: number; itemId: number; kind: 'note' | 'idea'; text: string; dots: number }[]
}

export interface State {
  version: number
  status: 'planned' | 'running' | 'finished'
  activity: Activity | null
  mine: MyEntry[]
  revealed: Revealed | null
  dotsLeft: number
}

export interface EntryPost {
  key: string
  activityId: number
  kind: string
  itemId?: number
  variantId?: number
  targetId?: number
  text?: string
  value?: number
}
