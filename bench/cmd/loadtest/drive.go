package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"sync"
	"syscall"
	"time"
)

// The request classes and their weights, in parts of 200: 70% reads, 25%
// writes, 5% PDF renders.
var mix = []struct {
	class  string
	weight int
}{
	{"read:library-list", 20},
	{"read:library-search", 20},
	{"read:contract", 60},
	{"read:diff", 40},
	{"write:redline", 25},
	{"write:decision", 25},
	{"pdf", 10},
}

// job is one scheduled request.
type job struct {
	class string
	seq   int
	at    time.Time // when the schedule wanted it sent
}

// drive sends cfg.rate requests per second for cfg.duration (open loop:
// a request whose slot comes while every worker is busy is counted as
// missed, not delayed), killing and restarting the server once when
// cfg.killAfter is set.
func drive(ctx context.Context, cfg config, c *client, w *world, srv *serverProc) *report {
	st := newStats(w.pdfFallback)
	d := &driver{c: c, w: w, st: st}
	jobs := make(chan job, cfg.workers)
	var wg sync.WaitGroup
	for range cfg.workers {
		wg.Go(func() {
			for j := range jobs {
				d.run(ctx, j)
			}
		})
	}
	var kill *killReport
	var killWG sync.WaitGroup
	rng := rand.New(rand.NewPCG(7, 11))
	cpu0, self0 := serverCPU(srv), selfCPU()
	start := time.Now()
	st.start = start
	sent := 0
	for i := 0; i < cfg.maxRequests && ctx.Err() == nil; i++ {
		at := start.Add(time.Duration(float64(i) * float64(time.Second) / float64(cfg.rate)))
		if at.Sub(start) >= cfg.duration {
			break
		}
		time.Sleep(time.Until(at))
		if cfg.killAfter > 0 && kill == nil && time.Since(start) >= cfg.killAfter {
			kill = &killReport{At: time.Since(start).Seconds()}
			killWG.Go(func() { killAndRestart(ctx, srv, kill) })
		}
		select {
		case jobs <- job{class: pick(rng), seq: i, at: at}:
			sent++
		default:
			st.miss()
		}
	}
	close(jobs)
	wg.Wait()
	killWG.Wait()
	rep := st.report(time.Since(start), cfg.duration)
	if kill == nil && cpu0 >= 0 {
		rep.ServerCPUS = serverCPU(srv) - cpu0
	}
	rep.ClientCPUS = selfCPU() - self0
	rep.Rate, rep.DurationS, rep.Sent, rep.Kill = cfg.rate, cfg.duration.Seconds(), sent, kill
	return rep
}

func pick(rng *rand.Rand) string {
	n := rng.IntN(200)
	for _, m := range mix {
		if n < m.weight {
			return m.class
		}
		n -= m.weight
	}
	return mix[0].class
}

// killReport says when the server was killed and how long it was away.
type killReport struct {
	At        float64 `json:"at_s"`
	DownS     float64 `json:"down_s"`
	Restarted bool    `json:"restarted"`
	Error     string  `json:"error,omitempty"`
}

func killAndRestart(ctx context.Context, srv *serverProc, k *killReport) {
	began := time.Now()
	fmt.Fprintf(os.Stderr, "loadtest: kill -9 the server at %.1f s\n", k.At)
	srv.kill9()
	if err := srv.launch(ctx); err != nil {
		k.Error = err.Error()
		return
	}
	k.Restarted, k.DownS = true, time.Since(began).Seconds()
	fmt.Fprintf(os.Stderr, "loadtest: server back after %.2f s\n", k.DownS)
}

// serverCPU is the started server's CPU time so far, or -1.
func serverCPU(srv *serverProc) float64 {
	if srv == nil {
		return -1
	}
	return srv.cpuSeconds()
}

// selfCPU is this program's own CPU time so far: the load generator
// shares the machine's cores with the server.
func selfCPU() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}
