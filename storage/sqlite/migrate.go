package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// migrations are applied in order, once each, at start. Never edit one that
// has shipped: append a new one.
var migrations = []string{
	`CREATE TABLE records (
		stream TEXT    NOT NULL,
		seq    INTEGER NOT NULL CHECK (seq > 0),
		at     INTEGER NOT NULL,
		body   BLOB    NOT NULL,
		prev   TEXT    NOT NULL,
		hash   TEXT    NOT NULL,
		PRIMARY KEY (stream, seq)
	) WITHOUT ROWID`,
}

func migrate(ctx context.Context, db *sql.DB) error {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)`); err != nil {
		return err
	}
	var have int
	if err := db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return err
	}
	if have > len(migrations) {
		return fmt.Errorf("database schema version %d is newer than this program (%d): upgrade civicpact", have, len(migrations))
	}
	for v := have + 1; v <= len(migrations); v++ {
		if err := apply(ctx, db, v, migrations[v-1]); err != nil {
			return fmt.Errorf("migration %d: %w", v, err)
		}
	}
	return nil
}

func apply(ctx context.Context, db *sql.DB, version int, stmt string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, stmt); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`, version, time.Now().UnixMilli()); err != nil {
		return err
	}
	return tx.Commit()
}
