package changelog

import "context"

// WithoutShortcuts makes Apply under ctx take the plain path: winners read
// back from the log, rows written and read one at a time.
func WithoutShortcuts(ctx context.Context) context.Context {
	return context.WithValue(ctx, shortcutsKey{}, shortcuts{bulk: bulkRows, chunk: writeChunk})
}

// WithShortcutsFrom makes Apply under ctx take its shortcuts from bulk
// rows of a table on, writing chunk rows to a statement: small batches
// then take them too.
func WithShortcutsFrom(ctx context.Context, bulk, chunk int) context.Context {
	return context.WithValue(ctx, shortcutsKey{}, shortcuts{on: true, bulk: bulk, chunk: chunk})
}
