// Words shared by every feature.

/** "1 member", "2 members", "1,204 members"; many is for irregular plurals. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`
}
