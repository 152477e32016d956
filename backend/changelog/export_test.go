package changelog

import "context"

// WithoutShortcuts makes Apply under ctx take the plain path: winners read
// back from the log, rows written and read one at a time.
func WithoutShortcuts(ctx context.Context) context.Context {
	return context.WithValue(ctx, shortcutsKey{}, shortcuts{bulk: bulkRows, chunk: writeChunk})
}
