// Command loadtest drives a civicpact server on this machine with a fixed
// rate of realistic requests and reports throughput, latency percentiles
// per class, errors by status and the server's memory, then verifies that
// every contract's event chain holds and every acknowledged redline and
// decision is in its contract's history.
//
// It only ever talks to loopback addresses and stops by itself: the run is
// bounded by -duration and -max-requests.
//
//	loadtest -bin /tmp/civicpact                    start the binary on a free port with a temp data dir
//	loadtest -target http://127.0.0.1:8080 -admin-token …   drive a running server
//	loadtest -bin /tmp/civicpact -kill-after 20s    kill -9 it mid-run, restart it, verify
//
// The mix: 70% reads (library list and search, GET contract, GET diff),
// 25% writes (vendor redlines, legal decisions) across -contracts contracts
// of the pilot template, 5% PDF renders (GET …/pdf?draft=1; when the server
// has no such route, GET …/events instead, and the report says so).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// config is the command line.
type config struct {
	bin         string
	target      string
	adminToken  string
	rate        int
	duration    time.Duration
	contracts   int
	workers     int
	maxRequests int
	timeout     time.Duration
	killAfter   time.Duration
	jsonOut     string
}

// Hard bounds, whatever the flags say.
const (
	maxDuration = 10 * time.Minute
	maxRate     = 5000
)

func parseFlags(args []string, env func(string) string) (config, error) {
	var c config
	fs := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	fs.StringVar(&c.bin, "bin", "", "civicpact binary to start on 127.0.0.1 with a temporary data directory")
	fs.StringVar(&c.target, "target", "", "base URL of a running civicpact (loopback only), instead of -bin")
	fs.StringVar(&c.adminToken, "admin-token", env("CIVICPACT_ADMIN_TOKEN"), "admin API token (CIVICPACT_ADMIN_TOKEN); generated with -bin")
	fs.IntVar(&c.rate, "rate", 500, "requests per second, fixed (open loop)")
	fs.DurationVar(&c.duration, "duration", 60*time.Second, "how long to drive the load (at most 10m)")
	fs.IntVar(&c.contracts, "contracts", 50, "contracts to seed and negotiate")
	fs.IntVar(&c.workers, "workers", 256, "concurrent requests at most")
	fs.IntVar(&c.maxRequests, "max-requests", 0, "stop after this many requests (default rate × duration)")
	fs.DurationVar(&c.timeout, "timeout", 30*time.Second, "client timeout per request")
	fs.DurationVar(&c.killAfter, "kill-after", 0, "with -bin: kill -9 the server after this long, restart it and go on")
	fs.StringVar(&c.jsonOut, "json", "", "also write the report as JSON to this file")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	return c, c.validate()
}

func (c *config) validate() error {
	switch {
	case (c.bin == "") == (c.target == ""):
		return errors.New("give exactly one of -bin and -target")
	case c.target != "" && c.adminToken == "":
		return errors.New("-target needs -admin-token or CIVICPACT_ADMIN_TOKEN")
	case c.killAfter > 0 && c.bin == "":
		return errors.New("-kill-after needs -bin: only a server this program started can be killed")
	case c.killAfter >= c.duration && c.killAfter > 0:
		return errors.New("-kill-after must fall inside -duration")
	case c.duration <= 0 || c.duration > maxDuration:
		return fmt.Errorf("-duration must be between 0 and %v", maxDuration)
	case c.rate < 1 || c.rate > maxRate:
		return fmt.Errorf("-rate must be between 1 and %d", maxRate)
	case c.contracts < 1 || c.contracts > 1000:
		return errors.New("-contracts must be between 1 and 1000")
	case c.workers < 1 || c.workers > 4096:
		return errors.New("-workers must be between 1 and 4096")
	}
	if c.maxRequests <= 0 {
		c.maxRequests = int(float64(c.rate) * c.duration.Seconds())
	}
	if c.target != "" {
		return checkLoopback(c.target)
	}
	return nil
}

func main() {
	cfg, err := parseFlags(os.Args[1:], os.Getenv)
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	rep, err := run(ctx, cfg)
	if rep != nil {
		rep.print(os.Stdout)
		if cfg.jsonOut != "" {
			if werr := rep.writeJSON(cfg.jsonOut); werr != nil {
				fmt.Fprintln(os.Stderr, "loadtest:", werr)
			}
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
	if !rep.Verified {
		os.Exit(1)
	}
}

// run seeds, drives, optionally kills and restarts, and verifies.
func run(ctx context.Context, cfg config) (*report, error) {
	base, token := cfg.target, cfg.adminToken
	var srv *serverProc
	if cfg.bin != "" {
		var err error
		if srv, err = startServer(ctx, cfg.bin); err != nil {
			return nil, err
		}
		defer srv.stop()
		base, token = srv.base, srv.token
	}
	c := newClient(base, cfg.timeout, cfg.workers)
	fmt.Fprintf(os.Stderr, "loadtest: seeding %d contracts on %s\n", cfg.contracts, base)
	w, err := seed(ctx, c, token, cfg.contracts)
	if err != nil {
		return nil, fmt.Errorf("seed: %w", err)
	}
	fmt.Fprintf(os.Stderr, "loadtest: driving %d req/s for %v\n", cfg.rate, cfg.duration)
	rep := drive(ctx, cfg, c, w, srv)
	rep.Server = base
	if srv != nil {
		rep.RSS = srv.rss()
	}
	rep.Verification = verify(ctx, c, w)
	rep.Verified = rep.Verification.ok()
	return rep, nil
}
