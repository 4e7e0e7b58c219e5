package identity

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"time"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/records"
)

// Session lifetimes. A session ends after SessionIdle without use or
// SessionMax after sign-in, whichever comes first. Use is recorded at most
// once per SessionTouch, so a busy browser appends a handful of records a
// day, not one per request.
const (
	SessionIdle  = 12 * time.Hour
	SessionMax   = 7 * 24 * time.Hour
	SessionTouch = 15 * time.Minute
)

// Session is a signed-in browser, stored as the stream
// "session/<sha256 of the cookie secret>" of snapshots: the first opens it,
// later ones record use (LastSeen) or sign-out (Revoked). Nothing lives in
// process memory, so every replica behind a load balancer resolves the same
// cookie the same way.
type Session struct {
	Hash     string    `json:"hash"`
	UserID   string    `json:"user_id"`
	Created  time.Time `json:"created_at"`
	LastSeen time.Time `json:"last_seen"`
	Expires  time.Time `json:"expires_at"` // absolute end: Created + SessionMax
	Revoked  bool      `json:"revoked,omitempty"`
}

// SessionPrefix starts every session secret, like TokenPrefix for tokens.
const SessionPrefix = "cvs_"

func sessionStream(hash string) string { return "session/" + hash }

// OpenSession signs userID in and returns the cookie secret (shown once,
// stored only as its SHA-256) and the session.
func (d *Directory) OpenSession(ctx context.Context, userID string) (string, Session, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", Session{}, apperr.Wrap(apperr.Internal, err, "generate session")
	}
	secret := SessionPrefix + hex.EncodeToString(b[:])
	now := d.Now().UTC()
	s := Session{Hash: HashToken(secret), UserID: userID, Created: now, LastSeen: now, Expires: now.Add(SessionMax)}
	if _, err := records.Append(ctx, d.Log, records.Record{}, sessionStream(s.Hash), now, s); err != nil {
		return "", Session{}, err
	}
	return secret, s, nil
}

// ResolveSession returns the principal a session cookie speaks for. Every
// failure — unknown, expired, revoked, disabled user — is the same
// Unauthenticated error. A session idle for longer than SessionTouch has its
// use recorded; losing that append to a concurrent request is harmless.
func (d *Directory) ResolveSession(ctx context.Context, secret string) (Principal, error) {
	fail := apperr.New(apperr.Unauthenticated, "your session has ended; sign in again")
	if len(secret) != len(SessionPrefix)+64 {
		return Principal{}, fail
	}
	last, err := d.Log.Last(ctx, sessionStream(HashToken(secret)))
	if apperr.Is(err, apperr.NotFound) {
		return Principal{}, fail
	}
	if err != nil {
		return Principal{}, err
	}
	var s Session
	if err := records.Decode(last, &s); err != nil {
		return Principal{}, err
	}
	now := d.Now().UTC()
	if s.Revoked || !now.Before(s.Expires) || !now.Before(s.LastSeen.Add(SessionIdle)) {
		return Principal{}, fail
	}
	if now.Sub(s.LastSeen) >= SessionTouch {
		s.LastSeen = now
		_, err := records.Append(ctx, d.Log, last, last.Stream, now, s)
		if err != nil && !apperr.Is(err, apperr.Conflict) {
			return Principal{}, err
		}
	}
	return d.principal(ctx, s.UserID, fail)
}

// CloseSession signs a session out by appending its revocation. Closing an
// unknown or already closed session is not an error: sign-out always
// succeeds from the browser's point of view.
func (d *Directory) CloseSession(ctx context.Context, secret string) error {
	if len(secret) != len(SessionPrefix)+64 {
		return nil
	}
	for range 3 {
		last, err := d.Log.Last(ctx, sessionStream(HashToken(secret)))
		if apperr.Is(err, apperr.NotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		var s Session
		if err := records.Decode(last, &s); err != nil || s.Revoked {
			return err
		}
		s.Revoked = true
		_, err = records.Append(ctx, d.Log, last, last.Stream, d.Now(), s)
		if !apperr.Is(err, apperr.Conflict) {
			return err
		}
	}
	return apperr.New(apperr.Unavailable, "the session is busy; try signing out again")
}

// CSRFToken returns the synchroniser token of the session whose cookie
// secret is secret. It is derived from the secret, which is never stored,
// so reading the database does not reveal it, and it dies with the session.
func CSRFToken(secret string) string {
	sum := sha256.Sum256([]byte("civicpact-csrf\x00" + secret))
	return hex.EncodeToString(sum[:])
}

// CheckCSRF reports, in constant time, whether token is the session's
// synchroniser token.
func CheckCSRF(secret, token string) bool {
	return subtle.ConstantTimeCompare([]byte(CSRFToken(secret)), []byte(token)) == 1
}
