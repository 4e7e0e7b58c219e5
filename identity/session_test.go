package identity_test

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/internal/password"
	"github.com/civicpact/civicpact/records"
	"github.com/civicpact/civicpact/storage/sqlite"
)

// clock is a settable test clock.
type clock struct{ ns atomic.Int64 }

func (c *clock) now() time.Time          { return time.Unix(0, c.ns.Load()).UTC() }
func (c *clock) advance(d time.Duration) { c.ns.Add(int64(d)) }

// mustDirectory returns a directory over a fresh SQLite store with one city
// user "amira" (password "correct-horse-battery"), and its clock.
func mustDirectory(t *testing.T) (*identity.Directory, identity.User, *clock) {
	t.Helper()
	ctx := context.Background()
	store, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	clk := &clock{}
	clk.ns.Store(time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC).UnixNano())
	var n atomic.Int64
	d := &identity.Directory{Log: store, Hasher: password.Argon2id{Memory: 64, Time: 1, Threads: 1}, Now: clk.now,
		NewID: func(p string) string { return p + "_" + strings.Repeat("x", int(n.Add(1))) }}
	org, err := d.CreateOrg(ctx, identity.Org{Name: "City of Port-Royal", Kind: identity.OrgMunicipality, Province: "ON"})
	if err != nil {
		t.Fatal(err)
	}
	u, err := d.CreateUser(ctx, identity.User{OrgID: org.ID, Username: "amira", Name: "Amira Haddad", Role: identity.RoleLegal}, "correct-horse-battery")
	if err != nil {
		t.Fatal(err)
	}
	return d, u, clk
}

func TestSessionLifetime(t *testing.T) {
	tests := []struct {
		name  string
		steps []time.Duration // advance the clock, then resolve, for each step
		ok    []bool
	}{
		{"fresh", []time.Duration{0}, []bool{true}},
		{"idle just under the limit", []time.Duration{identity.SessionIdle - time.Minute}, []bool{true}},
		{"idle past the limit", []time.Duration{identity.SessionIdle}, []bool{false}},
		{"kept alive by use", []time.Duration{10 * time.Hour, 10 * time.Hour, 10 * time.Hour}, []bool{true, true, true}},
		{"absolute limit despite use", repeat(11*time.Hour, 16), append(repeatBool(true, 15), false)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, u, clk := mustDirectory(t)
			ctx := context.Background()
			secret, s, err := d.OpenSession(ctx, u.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(secret, identity.SessionPrefix) || s.Hash != identity.HashToken(secret) {
				t.Fatalf("secret %q / hash %q: want the prefix and the stored SHA-256", secret, s.Hash)
			}
			for i, step := range tt.steps {
				clk.advance(step)
				p, err := d.ResolveSession(ctx, secret)
				if got := err == nil; got != tt.ok[i] {
					t.Fatalf("step %d: resolved = %v (err %v), want %v", i, got, err, tt.ok[i])
				}
				if err == nil && p.User.ID != u.ID {
					t.Fatalf("step %d: principal %q, want %q", i, p.User.ID, u.ID)
				}
				if err != nil && !apperr.Is(err, apperr.Unauthenticated) {
					t.Fatalf("step %d: error kind %v, want unauthenticated", i, apperr.KindOf(err))
				}
			}
		})
	}
}

func repeat(d time.Duration, n int) []time.Duration {
	out := make([]time.Duration, n)
	for i := range out {
		out[i] = d
	}
	return out
}

func repeatBool(b bool, n int) []bool {
	out := make([]bool, n)
	for i := range out {
		out[i] = b
	}
	return out
}

func TestSessionSignOutAndStorage(t *testing.T) {
	d, u, clk := mustDirectory(t)
	ctx := context.Background()
	secret, s, err := d.OpenSession(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	// Uses within SessionTouch append nothing; a later use appends one touch.
	for range 5 {
		clk.advance(time.Minute)
		mustResolve(t, d, secret)
	}
	clk.advance(identity.SessionTouch)
	mustResolve(t, d, secret)
	if err := d.CloseSession(ctx, secret); err != nil {
		t.Fatal(err)
	}
	if err := d.CloseSession(ctx, secret); err != nil {
		t.Fatalf("second sign-out: %v, want no error", err)
	}
	if _, err := d.ResolveSession(ctx, secret); !apperr.Is(err, apperr.Unauthenticated) {
		t.Fatalf("after sign-out: %v, want unauthenticated", err)
	}
	recs, err := d.Log.Read(ctx, "session/"+s.Hash, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 {
		t.Fatalf("session stream has %d records, want 3 (open, one touch, revocation)", len(recs))
	}
	for _, r := range recs {
		if strings.Contains(string(r.Body), secret) || strings.Contains(string(r.Body), identity.CSRFToken(secret)) {
			t.Fatalf("record %d stores the secret or the CSRF token: %s", r.Seq, r.Body)
		}
	}
	if b := records.Verify(recs); b != nil {
		t.Fatalf("session chain broken: %+v", b)
	}
}

func mustResolve(t *testing.T, d *identity.Directory, secret string) identity.Principal {
	t.Helper()
	p, err := d.ResolveSession(context.Background(), secret)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestResolveSessionRejectsGarbage(t *testing.T) {
	d, _, _ := mustDirectory(t)
	for _, s := range []string{"", "cvs_", "cvs_" + strings.Repeat("0", 64), strings.Repeat("a", 68), "cvs_../../etc"} {
		if _, err := d.ResolveSession(context.Background(), s); !apperr.Is(err, apperr.Unauthenticated) {
			t.Errorf("ResolveSession(%q) = %v, want unauthenticated", s, err)
		}
	}
}

func TestCSRFToken(t *testing.T) {
	a, b := identity.SessionPrefix+strings.Repeat("a", 64), identity.SessionPrefix+strings.Repeat("b", 64)
	if identity.CSRFToken(a) == identity.CSRFToken(b) {
		t.Fatal("two sessions share a CSRF token")
	}
	if identity.CSRFToken(a) == identity.HashToken(a) {
		t.Fatal("the CSRF token equals the stored session hash")
	}
	if !identity.CheckCSRF(a, identity.CSRFToken(a)) || identity.CheckCSRF(a, identity.CSRFToken(b)) || identity.CheckCSRF(a, "") {
		t.Fatal("CheckCSRF accepts a wrong token or rejects the right one")
	}
}

func TestSignInThrottle(t *testing.T) {
	d, _, clk := mustDirectory(t)
	ctx := context.Background()
	fail := func(user, ip string) error {
		_, err := d.SignIn(ctx, user, "wrong-password!", ip)
		return err
	}
	for i := range identity.LoginFailures {
		if err := fail("amira", "10.0.0.1"); err == nil || isLocked(err) {
			t.Fatalf("failure %d: %v, want a plain wrong-password error", i+1, err)
		}
		clk.advance(time.Minute)
	}
	// Locked now, even with the right password; another address or user is not.
	if _, err := d.SignIn(ctx, "amira", "correct-horse-battery", "10.0.0.1"); !isLocked(err) {
		t.Fatalf("6th attempt with the right password: %v, want locked out", err)
	}
	if _, err := d.SignIn(ctx, "amira", "correct-horse-battery", "10.0.0.2"); err != nil {
		t.Fatalf("other address: %v", err)
	}
	// An unknown user locks the same way and the message is the same.
	for range identity.LoginFailures {
		_ = fail("nobody", "10.0.0.1")
	}
	errUnknown, errKnown := fail("nobody", "10.0.0.1"), fail("amira", "10.0.0.1")
	if !isLocked(errUnknown) || errMessage(errUnknown)[:20] != errMessage(errKnown)[:20] {
		t.Fatalf("unknown user: %v; known user: %v: want the same lockout", errUnknown, errKnown)
	}
	// The oldest failure leaves the window 15 minutes after it happened.
	clk.advance(identity.LoginWindow - 5*time.Minute)
	if _, err := d.SignIn(ctx, "amira", "correct-horse-battery", "10.0.0.1"); err != nil {
		t.Fatalf("after the window: %v", err)
	}
	// A success clears the count.
	for range identity.LoginFailures - 1 {
		_ = fail("amira", "10.0.0.1")
	}
	if _, err := d.SignIn(ctx, "amira", "correct-horse-battery", "10.0.0.1"); err != nil {
		t.Fatalf("4 failures then the right password: %v", err)
	}
}

func isLocked(err error) bool {
	var l *identity.LockedOut
	return errors.As(err, &l)
}

func errMessage(err error) string {
	e, _ := apperr.As(err)
	return e.Message + strings.Repeat(" ", 20)
}

func TestSetLang(t *testing.T) {
	d, u, _ := mustDirectory(t)
	ctx := context.Background()
	if err := d.SetLang(ctx, u.ID, "fr"); err != nil {
		t.Fatal(err)
	}
	if err := d.SetLang(ctx, u.ID, "de"); !apperr.Is(err, apperr.Invalid) {
		t.Fatalf("SetLang de: %v, want invalid", err)
	}
	got, err := d.User(ctx, u.ID)
	if err != nil || got.Lang != "fr" || got.PasswordHash == "" {
		t.Fatalf("user after SetLang: %+v, %v: want lang fr and the password kept", got, err)
	}
}
