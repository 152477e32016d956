package changelog

import (
	"database/sql"
	"errors"

	"github.com/jmoiron/sqlx"
)

// The merge runs a few statements per table over and over, one row at a
// time. Compiling a write to a table with capture triggers costs more
// than running it (SQLite compiles the triggers into the statement), so
// each query is prepared once per Apply and kept until the end.

func (m *merge) stmt(query string) (*sqlx.Stmt, error) {
	if s, ok := m.stmts[query]; ok {
		return s, nil
	}
	s, err := m.tx.PreparexContext(m.ctx, query)
	if err != nil {
		return nil, err
	}
	m.stmts[query] = s
	return s, nil
}

func (m *merge) exec(query string, args ...any) (sql.Result, error) {
	s, err := m.stmt(query) //nolint:sqlclosecheck // close closes every statement when the merge ends
	if err != nil {
		return nil, err
	}
	return s.ExecContext(m.ctx, args...)
}

func (m *merge) queryx(query string, args ...any) (*sqlx.Rows, error) {
	s, err := m.stmt(query) //nolint:sqlclosecheck // close closes every statement when the merge ends
	if err != nil {
		return nil, err
	}
	return s.QueryxContext(m.ctx, args...)
}

func (m *merge) get(dst any, query string, args ...any) error {
	s, err := m.stmt(query) //nolint:sqlclosecheck // close closes every statement when the merge ends
	if err != nil {
		return err
	}
	return s.GetContext(m.ctx, dst, args...)
}

func (m *merge) selectx(dst any, query string, args ...any) error {
	s, err := m.stmt(query) //nolint:sqlclosecheck // close closes every statement when the merge ends
	if err != nil {
		return err
	}
	return s.SelectContext(m.ctx, dst, args...)
}

// close releases the prepared statements, before the transaction ends.
func (m *merge) close() error {
	var errs []error
	for _, s := range m.stmts {
		errs = append(errs, s.Close())
	}
	m.stmts = nil
	return errors.Join(errs...)
}
