// Package badinput holds no code: its tests push bad input of every kind
// (empty, too long, wrong type, unknown id, SQL metacharacters, markup)
// through the real services over HTTP, as the browser would, and check
// each gets a clear error or is stored as plain text, and nothing else is
// written.
package badinput
