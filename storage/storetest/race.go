package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/records"
)

// writers and raceRecords size the concurrent-writer test: writers
// goroutines race to append until the stream holds raceRecords records.
const (
	writers     = 50
	raceRecords = 50
)

// ack is one acknowledged append.
type ack struct {
	seq  int64
	hash string
}

// raceResult is what one writer saw.
type raceResult struct {
	acks      []ack
	conflicts int
	err       error
}

// testConcurrentWriters runs writers goroutines that each loop: read the
// head, build the next record, append, and on Conflict start over. Exactly
// one append may win each sequence number; the stream must end up holding
// exactly the acknowledged records, without gaps, with a valid chain.
func testConcurrentWriters(t *testing.T, l records.Log) {
	const stream = "contract/race"
	start := make(chan struct{})
	results := make([]raceResult, writers)
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			<-start
			results[w] = raceWriter(t, l, stream, w)
		})
	}
	began := time.Now()
	close(start)
	wg.Wait()
	elapsed := time.Since(began)

	won := make(map[int64]string)
	conflicts := 0
	for w, res := range results {
		if res.err != nil {
			t.Fatalf("writer %d: %v", w, res.err)
		}
		conflicts += res.conflicts
		for _, a := range res.acks {
			if _, dup := won[a.seq]; dup {
				t.Fatalf("seq %d acknowledged to two writers", a.seq)
			}
			won[a.seq] = a.hash
		}
	}
	t.Logf("%d writers appended %d records with %d conflicts in %v", writers, len(won), conflicts, elapsed)
	checkRaceOutcome(t, mustRead(t, l, stream, 0), won)
	if conflicts == 0 {
		t.Errorf("no writer ever lost a race: the test did not exercise the unique key")
	}
}

// raceWriter appends until the stream holds raceRecords records.
func raceWriter(t *testing.T, l records.Log, stream string, w int) raceResult {
	var res raceResult
	for attempt := 0; ; attempt++ {
		a, done, err := raceAttempt(t, l, stream, w, attempt)
		switch {
		case err != nil:
			res.err = err
			return res
		case done:
			return res
		case a.seq == 0:
			res.conflicts++
		default:
			res.acks = append(res.acks, a)
		}
	}
}

// raceAttempt reads the head and appends the next record. It reports done
// when the stream is full, and a zero ack when it lost the race.
func raceAttempt(t *testing.T, l records.Log, stream string, w, attempt int) (a ack, done bool, err error) {
	ctx, cancel := context.WithTimeout(t.Context(), opTimeout)
	defer cancel()
	head, err := l.Last(ctx, stream)
	if err != nil && !apperr.Is(err, apperr.NotFound) {
		return ack{}, false, fmt.Errorf("Last: %w", err)
	}
	if head.Seq >= raceRecords {
		return ack{}, true, nil
	}
	at := epoch.Add(time.Duration(attempt) * time.Millisecond)
	r, err := records.Next(head, stream, at, map[string]int{"writer": w, "attempt": attempt})
	if err != nil {
		return ack{}, false, err
	}
	switch err := l.Append(ctx, r); {
	case err == nil:
		return ack{r.Seq, r.Hash}, false, nil
	case apperr.Is(err, apperr.Conflict):
		return ack{}, false, nil
	default:
		return ack{}, false, fmt.Errorf("Append seq %d: %w", r.Seq, err)
	}
}

// checkRaceOutcome checks the stored stream against the acknowledgements.
func checkRaceOutcome(t *testing.T, got []records.Record, won map[int64]string) {
	t.Helper()
	if len(got) != raceRecords || len(won) != raceRecords {
		t.Fatalf("stream holds %d records and %d were acknowledged, want %d of each", len(got), len(won), raceRecords)
	}
	for _, r := range got {
		if won[r.Seq] != r.Hash {
			t.Errorf("stored %s#%d has hash %.12s, the acknowledged append had %.12s", r.Stream, r.Seq, r.Hash, won[r.Seq])
		}
	}
	if b := records.Verify(got); b != nil {
		t.Errorf("Verify: %+v", b)
	}
}
