// A tiny DOM toolkit: h() builds elements (text always as text nodes, never
// HTML), morph() patches the page to a freshly built tree so the field being
// typed in keeps its focus, caret and on-screen keyboard.

type Handler = (e: Event) => void
export type Attrs = Record<string, string | number | boolean | null | undefined | Handler>
export type Child = Node | string | number | null | undefined | false | Child[]

/** Handlers are set as properties (never inline attributes, which a strict CSP forbids) and moved by morph. */
const handlers = ['onclick', 'oninput', 'onchange', 'onsubmit'] as const

/** An element with attributes (value/checked as properties, on* as handlers) and children. */
export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue
    if (typeof v === 'function') (el as unknown as Record<string, Handler>)[k] = v
    else if (k === 'value') (el as HTMLInputElement).value = String(v)
    else if (k === 'checked') (el as HTMLInputElement).checked = !!v
    else el.setAttribute(k, v === true ? '' : String(v))
  }
  append(el, children)
  return el
}

function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue
    if (Array.isArray(c)) append(el, c)
    else el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)))
  }
}

const keyOf = (n: Node) => (n instanceof Element ? n.getAttribute('data-k') : null)

function same(a: Node, b: Node): boolean {
  return a.nodeType === b.nodeType && a.nodeName === b.nodeName && keyOf(a) === keyOf(b)
}

/** Makes `to`'s children the children of `parent`, reusing the nodes that match (same tag and data-k). */
export function morphChildren(parent: Node, to: Node): void {
  let cur = parent.firstChild
  for (const want of Array.from(to.childNodes)) {
    if (cur && same(cur, want)) {
      patch(cur, want)
      cur = cur.nextSibling
      continue
    }
    const k = keyOf(want)
    let match: Node | null = null
    for (let n = cur; k && n && !match; n = n.nextSibling) if (keyOf(n) === k && same(n, want)) match = n
    if (match) {
      parent.insertBefore(match, cur)
      patch(match, want)
    } else parent.insertBefore(want, cur)
  }
  while (cur) {
    const next = cur.nextSibling
    parent.removeChild(cur)
    cur = next
  }
}

function patch(from: Node, to: Node): void {
  if (!(from instanceof HTMLElement) || !(to instanceof HTMLElement)) {
    if (from.nodeValue !== to.nodeValue) from.nodeValue = to.nodeValue
    return
  }
  for (const a of Array.from(from.attributes)) if (!to.hasAttribute(a.name)) from.removeAttribute(a.name)
  for (const a of Array.from(to.attributes))
    if (from.getAttribute(a.name) !== a.value) from.setAttribute(a.name, a.value)
  const f = from as unknown as Record<string, unknown>
  const t = to as unknown as Record<string, unknown>
  for (const k of handlers) f[k] = t[k]
  if (from instanceof HTMLInputElement || from instanceof HTMLTextAreaElement) {
    const nu = to as HTMLInputElement
    // Never rewrite the field being typed in: the typed text is already queued, and is what the view shows.
    if (from.value !== nu.value && from.ownerDocument.activeElement !== from) from.value = nu.value
    if (from instanceof HTMLInputElement && from.checked !== nu.checked) from.checked = nu.checked
    return
  }
  morphChildren(from, to)
}
