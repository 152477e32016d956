// Generated models as plain data: the type every api module builds its
// types with, in a module of its own so none of them imports index.ts
// for it (index.ts imports some of them).

/** A generated model as plain data (no methods). */
export type Plain<T> = { [K in keyof T as T[K] extends (...a: never[]) => unknown ? never : K]: Plainish<T[K]> }
type Plainish<T> = T extends (infer U)[] ? Plainish<U>[] : T extends object ? Plain<T> : T
