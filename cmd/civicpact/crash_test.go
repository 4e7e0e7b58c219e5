package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// mustBuild compiles the real binary once per test.
func mustBuild(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "civicpact")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// startBinary starts the binary on a free port and waits for /readyz.
func startBinary(t *testing.T, bin, dataDir string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(bin, "serve", "-addr", "127.0.0.1:0", "-data", dataDir, "-admin-token", testAdminToken, "-log-format", "json")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			var line struct{ Msg, Addr string }
			if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "civicpact listening" {
				addr <- line.Addr
			}
		}
	}()
	select {
	case a := <-addr:
		return cmd, "http://" + a
	case <-time.After(30 * time.Second):
		t.Fatal("binary did not start")
	}
	return nil, ""
}

// TestKill9LosesNoAcknowledgedWrite writes from several clients, kills the
// server with SIGKILL mid-stream, restarts it on the same data and checks
// that every write that was acknowledged (201) is there.
func TestKill9LosesNoAcknowledgedWrite(t *testing.T) {
	bin := mustBuild(t)
	dir := t.TempDir()
	cmd, base := startBinary(t, bin, dir)

	var mu sync.Mutex
	var acked []string
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			client := &http.Client{Timeout: 5 * time.Second}
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				name := fmt.Sprintf("Vendor %d-%d", w, i)
				req, _ := http.NewRequest("POST", base+"/api/v1/orgs", strings.NewReader(`{"name":"`+name+`","kind":"vendor"}`))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", "Bearer "+testAdminToken)
				res, err := client.Do(req)
				if err != nil {
					return // the server died under us: this write was not acknowledged
				}
				res.Body.Close()
				if res.StatusCode == http.StatusCreated {
					mu.Lock()
					acked = append(acked, name)
					mu.Unlock()
				}
			}
		}(w)
	}
	time.Sleep(1500 * time.Millisecond)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	close(stop)
	wg.Wait()
	if len(acked) < 20 {
		t.Fatalf("only %d writes acknowledged before the kill; the test proves nothing", len(acked))
	}

	_, base = startBinary(t, bin, dir)
	status, body := call(t, "GET", base+"/api/v1/orgs", testAdminToken, nil)
	if status != 200 {
		t.Fatalf("after restart: %d %s", status, body)
	}
	var list struct{ Items []struct{ Name string } }
	if err := json.Unmarshal(body, &list); err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, o := range list.Items {
		have[o.Name] = true
	}
	for _, name := range acked {
		if !have[name] {
			t.Errorf("acknowledged write %q lost after kill -9", name)
		}
	}
	t.Logf("%d acknowledged writes, all present after kill -9 and restart", len(acked))
}
