package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/civicpact/civicpact/internal/password"
)

const testAdminToken = "cvp_test_admin_token_0123456789"

// mustServe runs the real program in-process on 127.0.0.1:0 over dataDir
// and returns its base URL; the server stops at the end of the test.
func mustServe(t *testing.T, dataDir string, extra ...string) string {
	t.Helper()
	return mustServeTo(t, io.Discard, dataDir, extra...)
}

// mustServeTo is mustServe writing the program's standard output to stdout.
func mustServeTo(t *testing.T, stdout io.Writer, dataDir string, extra ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	addrs := make(chan net.Addr, 1)
	m := &Main{Stdout: stdout, Stderr: io.Discard, Env: func(string) string { return "" },
		Listening: addrs, Hasher: password.Argon2id{Memory: 64, Time: 1, Threads: 1}}
	args := append([]string{"serve", "-addr", "127.0.0.1:0", "-data", dataDir, "-admin-token", testAdminToken}, extra...)
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx, args) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve returned %v", err)
		}
	})
	select {
	case a := <-addrs:
		return "http://" + a.String()
	case err := <-done:
		done <- nil // for the cleanup, which waits for the program to end
		t.Fatalf("serve exited early: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("server did not start")
	}
	return ""
}

func call(t *testing.T, method, url, token string, body any) (int, []byte) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		raw, _ := json.Marshal(body)
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	return res.StatusCode, raw
}

func TestServeEndToEnd(t *testing.T) {
	base := mustServe(t, t.TempDir())
	for _, tt := range []struct {
		path, token string
		status      int
		contains    string
	}{
		{"/healthz", "", 200, `"ok"`},
		{"/readyz", "", 200, `"ready"`},
		{"/openapi.json", "", 200, `"openapi":"3.1.0"`},
		{"/api/v1/me", testAdminToken, 200, `"username":"admin"`},
		{"/api/v1/me", "", 401, "Bearer"},
	} {
		t.Run(tt.path, func(t *testing.T) {
			status, body := call(t, "GET", base+tt.path, tt.token, nil)
			if status != tt.status || !strings.Contains(string(body), tt.contains) {
				t.Fatalf("GET %s = %d %s; want %d containing %s", tt.path, status, body, tt.status, tt.contains)
			}
		})
	}
}

func TestBadConfigIsOneClearLine(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"unknown flag", []string{"-nope"}, nil, "flag provided but not defined"},
		{"malformed MONGODB_URI", nil, map[string]string{"MONGODB_URI": "http://x"}, "MONGODB_URI is not a MongoDB connection string"},
		{"bad address", []string{"-addr", "nonsense"}, nil, "not host:port"},
		{"bad log level", nil, map[string]string{"CIVICPACT_LOG_LEVEL": "loud"}, "CIVICPACT_LOG_LEVEL"},
		{"bad body limit", nil, map[string]string{"CIVICPACT_MAX_BODY": "lots"}, "CIVICPACT_MAX_BODY"},
		{"short admin token", []string{"-admin-token", "abc"}, nil, "at least 20"},
		{"stray argument", []string{"extra"}, nil, "unexpected argument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseConfig("civicpact serve", tt.args, func(k string) string { return tt.env[k] }, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("err = %v, want one line containing %q", err, tt.want)
			}
		})
	}
}

func TestUnwritableDataDir(t *testing.T) {
	m := &Main{Stdout: io.Discard, Stderr: io.Discard, Env: func(string) string { return "" }}
	err := m.Run(context.Background(), []string{"serve", "-addr", "127.0.0.1:0", "-data", "/proc/civicpact"})
	if err == nil || !strings.Contains(err.Error(), "data directory /proc/civicpact") {
		t.Fatalf("err = %v, want a data directory error", err)
	}
}

func TestTokenCommand(t *testing.T) {
	dir := t.TempDir()
	base := mustServe(t, dir)
	var out bytes.Buffer
	m := &Main{Stdout: &out, Stderr: io.Discard, Env: func(string) string { return "" }}
	if err := m.Run(context.Background(), []string{"token", "create", "-data", dir, "--user", "amira", "--role", "legal"}); err != nil {
		t.Fatal(err)
	}
	token := strings.TrimSpace(out.String())
	status, body := call(t, "GET", base+"/api/v1/me", token, nil)
	if status != 200 || !strings.Contains(string(body), `"role":"legal"`) {
		t.Fatalf("new token: %d %s", status, body)
	}
	if err := m.Run(context.Background(), []string{"token", "create", "-data", dir, "--user", "nobody"}); err == nil {
		t.Fatal("a token for an unknown user without --role was issued")
	}
}
