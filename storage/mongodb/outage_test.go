package mongodb

import (
	"context"
	"net"
	"net/url"
	"testing"
	"time"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/internal/ferrettest"
	"github.com/civicpact/civicpact/records"
)

// outageDeadline is the context deadline each operation gets while the
// server is down; outageSlack is how much later it may return.
const (
	outageDeadline = 2 * time.Second
	outageSlack    = 3 * time.Second
)

// TestOutage stops FerretDB under an open Log, checks that every operation
// fails as Unavailable by its context deadline instead of hanging, then
// starts a new FerretDB on the same address and directory and checks that
// the Log recovers with the data written before the outage.
func TestOutage(t *testing.T) {
	dir := t.TempDir()
	uri, stop := ferrettest.StartAt(t, "127.0.0.1:0", dir)
	l := mustOpenDB(t, uri, freshDBName(t)) // the directory goes with the test
	defer func() { _ = l.Close() }()        // before the second server stops
	before, err := records.Next(records.Record{}, "contract/outage", time.UnixMilli(1e12), "before")
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Append(t.Context(), before); err != nil {
		t.Fatalf("Append before the outage: %v", err)
	}

	began := time.Now()
	stop()
	t.Logf("FerretDB stopped in %v", time.Since(began))
	checkOutage(t, l)

	ferrettest.StartAt(t, mustHost(t, uri), dir)
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	began = time.Now()
	if err := l.Ping(ctx); err != nil {
		t.Fatalf("Ping after restart: %v", err)
	}
	t.Logf("Ping recovered %v after the restart", time.Since(began))
	got, err := l.Read(ctx, before.Stream, 1)
	if err != nil || len(got) != 1 || got[0].Hash != before.Hash {
		t.Fatalf("Read after restart = %v, %v; want the record written before the outage", got, err)
	}
}

// checkOutage runs every operation against the stopped server.
func checkOutage(t *testing.T, l *Log) {
	t.Helper()
	next, err := records.Next(records.Record{}, "contract/during", time.UnixMilli(1e12), "during")
	if err != nil {
		t.Fatal(err)
	}
	ops := []struct {
		name string
		op   func(ctx context.Context) error
	}{
		{"Ping", l.Ping},
		{"Append", func(ctx context.Context) error { return l.Append(ctx, next) }},
		{"Last", func(ctx context.Context) error { _, err := l.Last(ctx, "contract/outage"); return err }},
		{"Read", func(ctx context.Context) error { _, err := l.Read(ctx, "contract/outage", 1); return err }},
		{"Scan", func(ctx context.Context) error {
			return l.Scan(ctx, records.Query{}, func(records.Record) error { return nil })
		}},
	}
	for _, o := range ops {
		t.Run(o.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(t.Context(), outageDeadline)
			defer cancel()
			began := time.Now()
			err := o.op(ctx)
			took := time.Since(began)
			if !apperr.Is(err, apperr.Unavailable) {
				t.Errorf("%s while the server is down: %v (kind %v), want unavailable", o.name, err, apperr.KindOf(err))
			}
			if took > outageDeadline+outageSlack {
				t.Errorf("%s took %v with a %v deadline", o.name, took, outageDeadline)
			}
		})
	}
}

// mustHost returns the host:port of a mongodb:// URI.
func mustHost(t *testing.T, uri string) string {
	t.Helper()
	u, err := url.Parse(uri)
	if err != nil {
		t.Fatalf("parse %q: %v", uri, err)
	}
	return u.Host
}

// TestOpenUnreachable checks that Open against a port nobody listens on
// fails as Unavailable by its context deadline.
func TestOpenUnreachable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	ctx, cancel := context.WithTimeout(t.Context(), outageDeadline)
	defer cancel()
	began := time.Now()
	l, err := Open(ctx, "mongodb://"+addr+"/", freshDBName(t), nil)
	if err == nil {
		_ = l.Close()
	}
	if !apperr.Is(err, apperr.Unavailable) || time.Since(began) > outageDeadline+outageSlack {
		t.Errorf("Open(%s) = %v after %v, want unavailable by the %v deadline", addr, err, time.Since(began), outageDeadline)
	}
}
