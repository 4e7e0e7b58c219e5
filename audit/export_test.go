package audit_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/audit"
	"github.com/civicpact/civicpact/internal/testenv"
	"github.com/civicpact/civicpact/records"
)

// mustStore returns a store with two contract streams, a clause stream and
// audit entries, plus one record whose body is not JSON.
func mustStore(t *testing.T) records.Log {
	t.Helper()
	tr := mustTrail(t)
	ctx := context.Background()
	for _, s := range []string{"contract/ctr_1", "contract/ctr_2", "clause/SCL-FM-01"} {
		mustAppend(t, tr.Log, s, 3, "v")
		if _, err := tr.Record(ctx, audit.Entry{Actor: "usr_1", Action: "write", Object: s}); err != nil {
			t.Fatal(err)
		}
	}
	raw := records.Record{Stream: "blob/1", Seq: 1, At: testenv.Start, Body: []byte("not JSON \xff")}
	raw.Hash = raw.ComputeHash()
	if err := tr.Log.Append(ctx, raw); err != nil {
		t.Fatal(err)
	}
	return tr.Log
}

// mustAppend appends n records with bodies {"v": tag+i} to stream.
func mustAppend(t *testing.T, log records.Log, stream string, n int, tag string) {
	t.Helper()
	prev, err := records.LastOrZero(context.Background(), log, stream)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		if prev, err = records.Append(context.Background(), log, prev, stream, testenv.Start.Add(time.Duration(i)*time.Second), map[string]any{"v": tag, "i": i}); err != nil {
			t.Fatal(err)
		}
	}
}

func mustExport(t *testing.T, log records.Log) ([]byte, audit.Digest) {
	t.Helper()
	var buf bytes.Buffer
	d, err := audit.Export(context.Background(), log, &buf)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), d
}

// TestExportDigest checks the export's shape and that its digest is the
// SHA-256 of every record's hash and a newline, as documented.
func TestExportDigest(t *testing.T) {
	log := mustStore(t)
	out, d := mustExport(t, log)
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if d.Records != 13 || d.Streams != 5 || !d.Report.OK || len(lines) != 14 {
		t.Fatalf("digest %+v over %d lines, want 13 records in 5 streams verified, 14 lines", d, len(lines))
	}
	h := sha256.New()
	for _, l := range lines[:len(lines)-1] {
		var rec audit.Line
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatal(err)
		}
		h.Write([]byte(rec.Hash + "\n"))
	}
	if want := "sha256:" + hex.EncodeToString(h.Sum(nil)); d.Digest != want || !strings.Contains(lines[len(lines)-1], want) {
		t.Errorf("digest %s, last line %s; want %s", d.Digest, lines[len(lines)-1], want)
	}
	if !strings.Contains(string(out), `"body_bytes":`) {
		t.Error("the non-JSON body is not exported as bytes")
	}
}

// TestCheckExport checks an export against the store it came from, after
// new records, and against a store whose chain was rewritten consistently
// (which verifies on its own but no longer matches the kept export).
func TestCheckExport(t *testing.T) {
	log := mustStore(t)
	out, _ := mustExport(t, log)
	mustAppend(t, log, "contract/ctr_1", 2, "later")
	mustAppend(t, log, "contract/ctr_0", 1, "new stream")
	check := mustCheck(t, log, out)
	if !check.OK() || check.Records != 13 {
		t.Fatalf("after appends: %+v, want OK over 13 records", check)
	}
	forged := mustForgedCopy(t, log, "contract/ctr_2", 2)
	if rep, err := audit.VerifyStore(context.Background(), forged); err != nil || !rep.OK {
		t.Fatalf("the forged copy should verify on its own: %+v, %v", rep, err)
	}
	check = mustCheck(t, forged, out)
	if m := check.Mismatch; check.OK() || m == nil || m.Stream != "contract/ctr_2" || m.Seq != 2 {
		t.Errorf("forged store: %+v, want a mismatch at contract/ctr_2#2", check)
	}
}

func mustCheck(t *testing.T, log records.Log, export []byte) audit.ExportCheck {
	t.Helper()
	c, err := audit.CheckExport(context.Background(), log, bytes.NewReader(export))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// mustForgedCopy copies log into a fresh store, rewriting stream from seq
// on with new bodies and a recomputed, self-consistent chain.
func mustForgedCopy(t *testing.T, log records.Log, stream string, from int64) records.Log {
	t.Helper()
	forged := testenv.MustSQLite(t)
	var prev records.Record
	err := log.Scan(context.Background(), records.Query{}, func(r records.Record) error {
		if r.Stream == stream && r.Seq >= from {
			f, err := records.Next(prev, stream, r.At, map[string]any{"v": "forged", "i": r.Seq})
			r = f
			if err != nil {
				return err
			}
		}
		prev = r
		return forged.Append(context.Background(), r)
	})
	if err != nil {
		t.Fatal(err)
	}
	return forged
}

func TestCheckExportRefusesAlteredFiles(t *testing.T) {
	log := mustStore(t)
	out, _ := mustExport(t, log)
	lines := strings.SplitAfter(string(out), "\n")
	editedBody := strings.Replace(string(out), `"v":"v"`, `"v":"w"`, 1)
	tests := []struct {
		name    string
		file    string
		invalid bool   // refused as Invalid
		broken  string // else: the file's first break, stream#seq
	}{
		{"cut short", strings.Join(lines[:5], ""), true, ""},
		{"hash replaced", strings.Replace(string(out), lines[0][strings.Index(lines[0], `"hash":"`)+8:][:64], strings.Repeat("0", 64), 1), true, ""},
		{"body edited", editedBody, false, "clause/SCL-FM-01#1"},
		{"not an export", "hello\n", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := audit.CheckExport(context.Background(), log, strings.NewReader(tt.file))
			if tt.invalid {
				if !apperr.Is(err, apperr.Invalid) {
					t.Fatalf("CheckExport = %+v, %v; want Invalid", c, err)
				}
				return
			}
			if err != nil || c.File.Break == nil || c.File.Break.Stream+"#"+itoa(c.File.Break.Seq) != tt.broken {
				t.Fatalf("CheckExport = %+v, %v; want the file broken at %s", c, err, tt.broken)
			}
		})
	}
}

func itoa(n int64) string { b, _ := json.Marshal(n); return string(b) }
