package main

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"testing"
	"time"

	"github.com/civicpact/civicpact/internal/ferrettest"
	"github.com/civicpact/civicpact/internal/password"
)

// TestServeOnMongoDB runs the real program against an embedded FerretDB
// (MongoDB wire protocol): the starter library loads and the API answers.
func TestServeOnMongoDB(t *testing.T) {
	uri, stop := ferrettest.Start(t)
	defer stop()
	ctx, cancel := context.WithCancel(context.Background())
	addrs := make(chan net.Addr, 1)
	m := &Main{Stdout: io.Discard, Stderr: io.Discard, Env: func(string) string { return "" }, Listening: addrs,
		Hasher: password.Argon2id{Memory: 64, Time: 1, Threads: 1}}
	done := make(chan error, 1)
	go func() {
		done <- m.Run(ctx, []string{"serve", "-addr", "127.0.0.1:0", "-mongodb-uri", uri, "-mongodb-db", "civicpact_e2e", "-admin-token", testAdminToken})
	}()
	var base string
	select {
	case a := <-addrs:
		base = "http://" + a.String()
	case err := <-done:
		t.Fatalf("serve exited: %v", err)
	case <-time.After(60 * time.Second):
		t.Fatal("server did not start")
	}
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	}()
	status, body := call(t, "GET", base+"/readyz", "", nil)
	if status != 200 {
		t.Fatalf("readyz on MongoDB: %d %s", status, body)
	}
	status, body = call(t, "GET", base+"/api/v1/clauses?limit=200", testAdminToken, nil)
	var page struct{ Total int }
	if err := json.Unmarshal(body, &page); status != 200 || err != nil || page.Total < 45 {
		t.Fatalf("starter library on MongoDB: %d %.300s", status, body)
	}
}
