// Package sqlite implements records.Log on an embedded SQLite file through
// the pure-Go modernc.org/sqlite driver: the default store, nothing to
// install.
//
// The database runs in WAL mode with synchronous=FULL, so an acknowledged
// append survives a kill -9 and a power cut. Writes go through a pool of one
// connection (SQLite has one writer anyway; this turns SQLITE_BUSY into
// queueing), reads through a separate read-only pool. The unique
// (stream, seq) primary key decides concurrent appends.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/records"
)

// FileName is the database file inside the data directory.
const FileName = "civicpact.db"

// Log is a records.Log on one SQLite file.
type Log struct {
	path  string
	write *sql.DB
	read  *sql.DB
}

var _ records.Log = (*Log)(nil)

// Open opens (creating if needed) the database in dir and applies pending
// migrations. A directory that cannot be created or written is reported
// with the path and what to fix.
func Open(ctx context.Context, dir string) (*Log, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("data directory %s cannot be created: %w", dir, err)
	}
	probe := filepath.Join(dir, ".write-test")
	if err := os.WriteFile(probe, nil, 0o600); err != nil {
		return nil, fmt.Errorf("data directory %s is not writable: %w", dir, err)
	}
	_ = os.Remove(probe)
	path := filepath.Join(dir, FileName)
	dsn := "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_txlock=immediate"
	write, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	l := &Log{path: path, write: write}
	if err := migrate(ctx, write); err != nil {
		write.Close()
		return nil, fmt.Errorf("prepare database %s: %w", path, err)
	}
	read, err := sql.Open("sqlite", dsn+"&_pragma=query_only(1)")
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	read.SetMaxOpenConns(4)
	l.read = read
	return l, nil
}

// Path returns the database file's path.
func (l *Log) Path() string { return l.path }

// Append inserts r; an existing (stream, seq) is a Conflict.
func (l *Log) Append(ctx context.Context, r records.Record) error {
	if err := records.CheckRecord(r); err != nil {
		return err
	}
	_, err := l.write.ExecContext(ctx,
		`INSERT INTO records (stream, seq, at, body, prev, hash) VALUES (?, ?, ?, ?, ?, ?)`,
		r.Stream, r.Seq, r.At.UnixMilli(), []byte(r.Body), r.Prev, r.Hash)
	if err != nil {
		return translate(err, "append to %s", r.Stream)
	}
	return nil
}

// Read returns stream's records with Seq ≥ fromSeq, in order.
func (l *Log) Read(ctx context.Context, stream string, fromSeq int64) ([]records.Record, error) {
	if err := records.CheckStream(stream); err != nil {
		return nil, err
	}
	rows, err := l.read.QueryContext(ctx,
		`SELECT stream, seq, at, body, prev, hash FROM records WHERE stream = ? AND seq >= ? ORDER BY seq`, stream, fromSeq)
	if err != nil {
		return nil, translate(err, "read %s", stream)
	}
	var out []records.Record
	err = scanRows(rows, func(r records.Record) error { out = append(out, r); return nil })
	return out, err
}

// Last returns stream's newest record, or NotFound for an empty stream.
func (l *Log) Last(ctx context.Context, stream string) (records.Record, error) {
	if err := records.CheckStream(stream); err != nil {
		return records.Record{}, err
	}
	rows, err := l.read.QueryContext(ctx,
		`SELECT stream, seq, at, body, prev, hash FROM records WHERE stream = ? ORDER BY seq DESC LIMIT 1`, stream)
	if err != nil {
		return records.Record{}, translate(err, "read %s", stream)
	}
	var last records.Record
	found := false
	err = scanRows(rows, func(r records.Record) error { last, found = r, true; return nil })
	if err == nil && !found {
		err = apperr.New(apperr.NotFound, "stream %s is empty", stream)
	}
	return last, err
}

// Scan calls fn for every record matching q, ordered by stream then seq.
// fn's error stops the scan and is returned.
func (l *Log) Scan(ctx context.Context, q records.Query, fn func(records.Record) error) error {
	if err := records.CheckPrefix(q.Prefix); err != nil {
		return err
	}
	query := `SELECT stream, seq, at, body, prev, hash FROM records WHERE stream >= ?`
	args := []any{q.Prefix}
	if end := records.PrefixEnd(q.Prefix); end != "" {
		query += ` AND stream < ?`
		args = append(args, end)
	}
	if q.Seq > 0 {
		query += ` AND seq = ?`
		args = append(args, q.Seq)
	}
	rows, err := l.read.QueryContext(ctx, query+` ORDER BY stream, seq`, args...)
	if err != nil {
		return translate(err, "scan %s", q.Prefix)
	}
	return scanRows(rows, fn)
}

// Ping checks that the database answers.
func (l *Log) Ping(ctx context.Context) error {
	if err := l.read.PingContext(ctx); err != nil {
		return translate(err, "ping")
	}
	return nil
}

// Close checkpoints the WAL into the main file and closes both pools.
func (l *Log) Close() error {
	_, cerr := l.write.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	err := errors.Join(l.read.Close(), l.write.Close())
	if err == nil && cerr != nil {
		err = fmt.Errorf("checkpoint: %w", cerr)
	}
	return err
}

func scanRows(rows *sql.Rows, fn func(records.Record) error) error {
	defer rows.Close()
	for rows.Next() {
		var r records.Record
		var at int64
		var body []byte
		if err := rows.Scan(&r.Stream, &r.Seq, &at, &body, &r.Prev, &r.Hash); err != nil {
			return translate(err, "read row")
		}
		r.At = time.UnixMilli(at).UTC()
		r.Body = body
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return translate(err, "read rows")
	}
	return nil
}

// translate maps driver errors onto apperr kinds at the boundary.
func translate(err error, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return apperr.Wrap(apperr.Unavailable, err, "%s: the database did not answer in time", msg)
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY, sqlite3.SQLITE_CONSTRAINT_UNIQUE:
			return apperr.Wrap(apperr.Conflict, err, "%s: a record with this sequence number already exists", msg)
		case sqlite3.SQLITE_FULL:
			return apperr.Wrap(apperr.Unavailable, err, "%s: the disk is full", msg)
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_READONLY_DIRECTORY, sqlite3.SQLITE_CANTOPEN:
			return apperr.Wrap(apperr.Unavailable, err, "%s: the data directory is read-only", msg)
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return apperr.Wrap(apperr.Unavailable, err, "%s: the database is busy", msg)
		}
	}
	return apperr.Wrap(apperr.Internal, err, "%s", msg)
}
