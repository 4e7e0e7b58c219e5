package main

import (
	"bytes"
	"context"
	"regexp"
	"testing"

	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/internal/password"
	"github.com/civicpact/civicpact/storage/sqlite"
)

// TestBootstrapPrintsAWorkingPassword checks that a plain first start
// prints the admin's web password once, and that it signs in.
func TestBootstrapPrintsAWorkingPassword(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	t.Run("first start", func(t *testing.T) { mustServeTo(t, &out, dir) })
	m := regexp.MustCompile(`web password \(shown once, keep it safe\): (\S+)`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no password printed:\n%s", out.String())
	}
	store, err := sqlite.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	d := &identity.Directory{Log: store, Hasher: password.Argon2id{Memory: 64, Time: 1, Threads: 1}}
	if _, err := d.Login(context.Background(), "admin", m[1]); err != nil {
		t.Fatalf("the printed password does not sign in: %v", err)
	}
	out.Reset()
	t.Run("second start", func(t *testing.T) { mustServeTo(t, &out, dir) })
	if bytes.Contains(out.Bytes(), []byte("password")) {
		t.Fatal("a second start printed a password again")
	}
}
