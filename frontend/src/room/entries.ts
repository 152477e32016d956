import type { Op } from './queue'
import type { EntryPost, MyEntry } from './types'

/** Kinds of which a participant may write many per item (each its own key); the rest are one per slot. */
const many = (activityKind: string, kind: string) =>
  kind === 'idea' || (kind === 'note' && activityKind !== 'assumption_check')

/**
 * Where an entry lives for this participant: one slot per (kind, item,
 * variant, target), a preference one per activity, a reaction one per
 * text, and each note or idea of a board its own (by key).
 */
export function slotOf(
  activityKind: string,
  e: Pick<MyEntry, 'key' | 'kind' | 'itemId' | 'variantId' | 'targetId' | 'text'>,
): string {
  if (many(activityKind, e.kind)) return `${e.kind}#${e.key}`
  if (e.kind === 'preference') return 'preference'
  if (e.kind === 'reaction') return `reaction:${e.itemId}:${e.text}`
  return `${e.kind}:${e.itemId}:${e.variantId}:${e.targetId}`
}

const fromPost = (b: EntryPost): MyEntry => ({
  key: b.key,
  id: 0,
  kind: b.kind,
  itemId: b.itemId ?? 0,
  variantId: b.variantId ?? 0,
  targetId: b.targetId ?? 0,
  text: b.text ?? '',
  value: b.value ?? 0,
})

/**
 * What this participant sees as theirs: the server's entries with every
 * unsent change laid over them in order, so a reload, a slow network or a
 * refused (locked) change never shows older text than they typed.
 */
export class Mine {
  readonly slots = new Map<string, MyEntry>()
  private readonly byKey = new Map<string, string>()

  constructor(
    readonly activityKind: string,
    activityId: number,
    server: MyEntry[],
    pending: Op[],
  ) {
    for (const e of server) this.set(e)
    for (const op of pending) {
      if (op.activityId !== activityId) continue
      if (op.method === 'POST' && op.body) this.set(fromPost(op.body))
      else this.remove(op.key)
    }
  }

  private set(e: MyEntry) {
    this.remove(e.key)
    const slot = slotOf(this.activityKind, e)
    const was = this.slots.get(slot)
    if (was) this.byKey.delete(was.key)
    this.slots.set(slot, e)
    this.byKey.set(e.key, slot)
  }

  private remove(key: string) {
    const slot = this.byKey.get(key)
    if (slot !== undefined) this.slots.delete(slot)
    this.byKey.delete(key)
  }

  get(slot: string): MyEntry | undefined {
    return this.slots.get(slot)
  }

  /** The entries of one kind (and item), in the order they were made. */
  list(kind: string, itemId?: number): MyEntry[] {
    return [...this.slots.values()].filter((e) => e.kind === kind && (itemId === undefined || e.itemId === itemId))
  }

  /** The dots this participant has placed, pending ones included. */
  dotsUsed(): number {
    return this.list('vote').reduce((s, e) => s + e.value, 0)
  }
}

/** A fresh client key: 16 random bytes as hex. */
export function newKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
}
