package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// checkLoopback refuses any target that is not a loopback address:
// "localhost" or a literal 127.0.0.0/8 or ::1 address. Host names are not
// resolved, so no DNS answer can point the load elsewhere.
func checkLoopback(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("-target %q is not an http(s) URL", raw)
	}
	host := u.Hostname()
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("-target %q is not a loopback address (127.0.0.0/8, ::1 or localhost): refused", raw)
}

// serverProc is a civicpact process this program started, on a fixed
// loopback port and data directory so that it can be killed and restarted.
type serverProc struct {
	bin, dir, addr, base, token string
	logFile                     *os.File

	mu      sync.Mutex
	cmd     *exec.Cmd
	peakKB  int64 // highest VmHWM seen, over every process
	lastKB  int64 // VmRSS at the last sample
	samples []int64
	done    chan struct{}
}

// startServer starts bin on a free 127.0.0.1 port with a fresh data
// directory and a generated admin token, and waits until /readyz answers.
func startServer(ctx context.Context, bin string) (*serverProc, error) {
	dir, err := os.MkdirTemp("", "civicpact-loadtest-")
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := ln.Addr().String()
	ln.Close()
	var b [16]byte
	_, _ = rand.Read(b[:])
	logFile, err := os.Create(filepath.Join(dir, "server.log"))
	if err != nil {
		return nil, err
	}
	s := &serverProc{bin: bin, dir: dir, addr: addr, base: "http://" + addr, token: "lt-admin-" + hex.EncodeToString(b[:]),
		logFile: logFile, done: make(chan struct{})}
	if err := s.launch(ctx); err != nil {
		return nil, err
	}
	go s.sample()
	fmt.Fprintf(os.Stderr, "loadtest: started %s on %s, data in %s (log: server.log)\n", bin, addr, dir)
	return s, nil
}

// launch starts the process and waits for it to be ready.
func (s *serverProc) launch(ctx context.Context) error {
	cmd := exec.Command(s.bin, "serve", "-addr", s.addr, "-data", filepath.Join(s.dir, "data"), "-admin-token", s.token)
	cmd.Stdout, cmd.Stderr = s.logFile, s.logFile
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start %s: %w", s.bin, err)
	}
	s.mu.Lock()
	s.cmd = cmd
	s.mu.Unlock()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		res, err := http.Get(s.base + "/readyz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("%s did not become ready on %s within 60 s", s.bin, s.addr)
}

// kill9 sends SIGKILL and waits for the process to be gone.
func (s *serverProc) kill9() {
	s.mu.Lock()
	cmd := s.cmd
	s.mu.Unlock()
	_ = cmd.Process.Signal(syscall.SIGKILL)
	_ = cmd.Wait()
}

// stop ends the process (SIGTERM, then SIGKILL) and removes its data.
func (s *serverProc) stop() {
	close(s.done)
	s.mu.Lock()
	cmd := s.cmd
	s.mu.Unlock()
	_ = cmd.Process.Signal(syscall.SIGTERM)
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	select {
	case <-exited:
	case <-time.After(20 * time.Second):
		_ = cmd.Process.Kill()
		<-exited
	}
	s.logFile.Close()
	if os.Getenv("LOADTEST_KEEP") == "" {
		_ = os.RemoveAll(s.dir)
	}
}

// sample reads the process's VmRSS and VmHWM every 250 ms.
func (s *serverProc) sample() {
	t := time.NewTicker(250 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-s.done:
			return
		case <-t.C:
		}
		s.mu.Lock()
		pid := s.cmd.Process.Pid
		s.mu.Unlock()
		rss, hwm := procStatus(pid)
		s.mu.Lock()
		if rss > 0 {
			s.lastKB = rss
			s.samples = append(s.samples, rss)
		}
		s.peakKB = max(s.peakKB, hwm)
		s.mu.Unlock()
	}
}

// procStatus returns VmRSS and VmHWM in kB (0 when unreadable).
func procStatus(pid int) (rss, hwm int64) {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
		switch k {
		case "VmRSS":
			rss = n
		case "VmHWM":
			hwm = n
		}
	}
	return rss, hwm
}

// rssReport is the server's memory over the run.
type rssReport struct {
	PeakMB   float64 `json:"peak_mb"`   // VmHWM, the kernel's high-water mark
	MedianMB float64 `json:"median_mb"` // of VmRSS samples
	LastMB   float64 `json:"last_mb"`
}

func (s *serverProc) rss() *rssReport {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := &rssReport{PeakMB: float64(s.peakKB) / 1024, LastMB: float64(s.lastKB) / 1024}
	if n := len(s.samples); n > 0 {
		sorted := append([]int64(nil), s.samples...)
		sortInt64(sorted)
		r.MedianMB = float64(sorted[n/2]) / 1024
	}
	return r
}

// cpuSeconds returns the user plus system CPU time the current process has
// used, from /proc/<pid>/stat (clock ticks of 1/100 s), or -1.
func (s *serverProc) cpuSeconds() float64 {
	s.mu.Lock()
	pid := s.cmd.Process.Pid
	s.mu.Unlock()
	raw, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return -1
	}
	// Fields after the command name, which is in parentheses and may hold spaces.
	_, rest, ok := strings.Cut(string(raw), ") ")
	f := strings.Fields(rest)
	if !ok || len(f) < 13 {
		return -1
	}
	utime, _ := strconv.ParseFloat(f[11], 64)
	stime, _ := strconv.ParseFloat(f[12], 64)
	return (utime + stime) / 100
}
