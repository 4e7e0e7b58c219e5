package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// The targets of issue 9 on the embedded store.
const (
	targetRate     = 500.0
	targetReadP99  = 100.0 // ms
	targetWriteP99 = 250.0 // ms
	targetRSSMB    = 300.0
)

// classStats is one request class's outcome; latencies in milliseconds.
type classStats struct {
	Class     string         `json:"class"`
	Count     int            `json:"answered"`
	OK        int            `json:"ok"`
	Conflicts int            `json:"conflicts_409"`
	Errors    int            `json:"errors"`
	Statuses  map[string]int `json:"statuses"`
	P50       float64        `json:"p50_ms"`
	P95       float64        `json:"p95_ms"`
	P99       float64        `json:"p99_ms"`
	Max       float64        `json:"max_ms"`
}

// report is the whole result.
type report struct {
	Server       string       `json:"server"`
	Rate         int          `json:"rate"`
	DurationS    float64      `json:"duration_s"`
	ElapsedS     float64      `json:"elapsed_s"`
	Sent         int          `json:"sent"`
	Missed       int          `json:"missed"` // slots skipped: every worker busy
	Answered     int          `json:"answered"`
	Throughput   float64      `json:"throughput_rps"`
	MinSecond    int          `json:"min_answered_in_one_second"`
	Errors       int          `json:"errors"`
	Conflicts    int          `json:"conflicts_409"`
	ReadP99      float64      `json:"read_p99_ms"`
	WriteP99     float64      `json:"write_p99_ms"`
	ServerCPUS   float64      `json:"server_cpu_s"` // user+system, 0 when unknown
	ClientCPUS   float64      `json:"client_cpu_s"`
	PDFFallback  bool         `json:"pdf_fallback_to_events"`
	Classes      []classStats `json:"classes"`
	Kill         *killReport  `json:"kill,omitempty"`
	RSS          *rssReport   `json:"rss,omitempty"`
	Verification verification `json:"verification"`
	Verified     bool         `json:"verified"`
}

func (r *report) print(w io.Writer) {
	fmt.Fprintf(w, "server %s  rate %d/s  duration %.0fs  sent %d  missed %d  answered %d  throughput %.1f req/s (slowest second %d)\n",
		r.Server, r.Rate, r.DurationS, r.Sent, r.Missed, r.Answered, r.Throughput, r.MinSecond)
	if r.PDFFallback {
		fmt.Fprintln(w, "PDF route absent (404/405 for every probe): the pdf class reads GET /api/v1/contracts/:id/events instead")
	}
	fmt.Fprintf(w, "\n| class | answered | ok | 409 | errors | p50 ms | p95 ms | p99 ms | max ms | statuses |\n|---|---|---|---|---|---|---|---|---|---|\n")
	for _, c := range r.Classes {
		fmt.Fprintf(w, "| %s | %d | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %s |\n",
			c.Class, c.Count, c.OK, c.Conflicts, c.Errors, c.P50, c.P95, c.P99, c.Max, statusList(c.Statuses))
	}
	fmt.Fprintf(w, "\nreads p99 %.1f ms, writes p99 %.1f ms, errors other than 409: %d, 409s: %d\n", r.ReadP99, r.WriteP99, r.Errors, r.Conflicts)
	if r.ServerCPUS > 0 && r.Answered > 0 {
		per := r.ServerCPUS * 1000 / float64(r.Answered)
		cli := r.ClientCPUS * 1000 / float64(r.Answered)
		fmt.Fprintf(w, "CPU: server %.1f s (%.2f ms per request), load generator %.1f s (%.2f ms per request): "+
			"2 dedicated cores would carry about %.0f req/s of this mix with this client, %.0f req/s with the client elsewhere\n",
			r.ServerCPUS, per, r.ClientCPUS, cli, 2000/(per+cli), 2000/per)
	}
	if r.RSS != nil {
		fmt.Fprintf(w, "server RSS: peak %.0f MB (VmHWM), median %.0f MB, at the end %.0f MB\n", r.RSS.PeakMB, r.RSS.MedianMB, r.RSS.LastMB)
	}
	if r.Kill != nil {
		fmt.Fprintf(w, "kill -9 at %.1f s: restarted %v, down %.2f s %s\n", r.Kill.At, r.Kill.Restarted, r.Kill.DownS, r.Kill.Error)
	}
	v := r.Verification
	fmt.Fprintf(w, "verification: %d/%d chains verify, %d events, %d/%d acknowledged writes present, %d problems\n",
		v.ChainsOK, v.Contracts, v.Events, v.Present, v.Acked, v.ProblemsAll)
	for _, p := range v.Problems {
		fmt.Fprintln(w, "  -", p)
	}
	fmt.Fprintln(w, r.targets())
}

// targets compares the run with issue 9's targets.
func (r *report) targets() string {
	mark := func(ok bool) string {
		if ok {
			return "met"
		}
		return "MISSED"
	}
	parts := []string{
		fmt.Sprintf("throughput ≥ %.0f/s: %s", targetRate, mark(r.Throughput >= targetRate*0.99 && r.Missed == 0)),
		fmt.Sprintf("read p99 < %.0f ms: %s", targetReadP99, mark(r.ReadP99 < targetReadP99)),
		fmt.Sprintf("write p99 < %.0f ms: %s", targetWriteP99, mark(r.WriteP99 < targetWriteP99)),
		fmt.Sprintf("no errors but 409: %s", mark(r.Errors == 0)),
	}
	if r.RSS != nil {
		parts = append(parts, fmt.Sprintf("RSS < %.0f MB: %s", targetRSSMB, mark(r.RSS.PeakMB < targetRSSMB)))
	}
	return "targets: " + strings.Join(parts, "; ")
}

func statusList(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s×%d", k, m[k])
	}
	return b.String()
}

func (r *report) writeJSON(path string) error {
	raw, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, raw, 0o644)
}
