package main

import (
	"errors"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// stats collects outcomes from every worker.
type stats struct {
	mu          sync.Mutex
	start       time.Time
	pdfFallback bool
	missed      int
	classes     map[string]*classAcc
	perSecond   map[int]int // answered requests by the second they were sent in
}

type classAcc struct {
	latencies []time.Duration // of answered requests
	statuses  map[string]int  // "200", "409", "transport: refused", …
}

func newStats(pdfFallback bool) *stats {
	return &stats{pdfFallback: pdfFallback, classes: map[string]*classAcc{}, perSecond: map[int]int{}}
}

func (s *stats) miss() {
	s.mu.Lock()
	s.missed++
	s.mu.Unlock()
}

// record adds one request's outcome.
func (s *stats) record(class string, began time.Time, took time.Duration, status int, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	acc := s.classes[class]
	if acc == nil {
		acc = &classAcc{statuses: map[string]int{}}
		s.classes[class] = acc
	}
	if err != nil {
		acc.statuses["transport: "+transportKind(err)]++
		return
	}
	acc.latencies = append(acc.latencies, took)
	acc.statuses[strconv.Itoa(status)]++
	s.perSecond[int(began.Sub(s.start)/time.Second)]++
}

// transportKind names a failed request's cause briefly.
func transportKind(err error) string {
	var ne net.Error
	switch {
	case errors.As(err, &ne) && ne.Timeout():
		return "timeout"
	case strings.Contains(err.Error(), "connection refused"):
		return "connection refused"
	case strings.Contains(err.Error(), "reset") || strings.Contains(err.Error(), "EOF"):
		return "connection reset"
	}
	return "other"
}

// ok reports whether status is a success for class; 409 is counted apart.
func ok(class string, status string) bool {
	switch {
	case class == "write:redline":
		return status == strconv.Itoa(http.StatusCreated)
	default:
		return status == strconv.Itoa(http.StatusOK)
	}
}

// report summarises the run.
func (s *stats) report(elapsed, window time.Duration) *report {
	s.mu.Lock()
	defer s.mu.Unlock()
	rep := &report{ElapsedS: elapsed.Seconds(), Missed: s.missed, PDFFallback: s.pdfFallback}
	var reads, writes []time.Duration
	for _, m := range mix {
		acc := s.classes[m.class]
		if acc == nil {
			continue
		}
		cs := classStats{Class: m.class, Statuses: acc.statuses, Count: len(acc.latencies)}
		for st, n := range acc.statuses {
			switch {
			case ok(m.class, st):
				cs.OK += n
			case st == "409":
				cs.Conflicts += n
			default:
				cs.Errors += n
			}
		}
		cs.P50, cs.P95, cs.P99, cs.Max = percentiles(acc.latencies)
		rep.Classes = append(rep.Classes, cs)
		rep.Answered += cs.Count
		rep.Errors += cs.Errors
		rep.Conflicts += cs.Conflicts
		if strings.HasPrefix(m.class, "write:") {
			writes = append(writes, acc.latencies...)
		} else if strings.HasPrefix(m.class, "read:") {
			reads = append(reads, acc.latencies...)
		}
	}
	rep.ReadP99 = pct(reads, 0.99)
	rep.WriteP99 = pct(writes, 0.99)
	rep.Throughput = float64(rep.Answered) / elapsed.Seconds()
	rep.MinSecond = -1
	for sec := 0; sec < int(window/time.Second); sec++ {
		if n := s.perSecond[sec]; rep.MinSecond < 0 || n < rep.MinSecond {
			rep.MinSecond = n
		}
	}
	return rep
}

// percentiles returns p50, p95, p99 and the maximum in milliseconds.
func percentiles(ds []time.Duration) (p50, p95, p99, mx float64) {
	slices.Sort(ds)
	if len(ds) == 0 {
		return 0, 0, 0, 0
	}
	return pct(ds, 0.50), pct(ds, 0.95), pct(ds, 0.99), ms(ds[len(ds)-1])
}

// pct is the q-quantile of ds (sorted here) in milliseconds.
func pct(ds []time.Duration, q float64) float64 {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	return ms(ds[min(len(ds)-1, int(q*float64(len(ds))))])
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func sortInt64(xs []int64) { slices.Sort(xs) }
