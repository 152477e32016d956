package valid

import "strings"

// Choice is one value of a closed set of codes and its name in TypeScript.
// Wails' EnumBind reads a slice of them (the fields Value and TSName) and
// writes `export enum T { NAME = "value", … }` into the frontend's
// models.ts, so the frontend offers the backend's codes instead of a
// retyped list.
type Choice[T ~string] struct {
	Value  T
	TSName string
}

// Choices lists values in the order given (the order the UI offers them),
// each named in TypeScript by its upper-cased value ("opted_out" ->
// OPTED_OUT, "" -> NONE).
func Choices[T ~string](values ...T) []Choice[T] {
	out := make([]Choice[T], len(values))
	for i, v := range values {
		name := strings.ToUpper(string(v))
		if name == "" {
			name = "NONE"
		}
		out[i] = Choice[T]{Value: v, TSName: name}
	}
	return out
}

// Strings lists the values of choices as text, in order: what OneOf
// accepts and what a message lists.
func Strings[T ~string](choices []Choice[T]) []string {
	out := make([]string, len(choices))
	for i, c := range choices {
		out[i] = string(c.Value)
	}
	return out
}
