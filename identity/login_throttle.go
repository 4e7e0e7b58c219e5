package identity

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/records"
)

// Sign-in throttling: after LoginFailures failed attempts for one username
// from one client address within LoginWindow, further attempts are refused
// without checking the password until the window has passed. Unknown
// usernames are throttled exactly like real ones, so the lockout reveals
// nothing about who has an account.
const (
	LoginFailures = 5
	LoginWindow   = 15 * time.Minute
)

// LockedOut is the cause of a refused sign-in while throttled; Until is
// when the oldest counted failure leaves the window.
type LockedOut struct{ Until time.Time }

// Error describes the lockout.
func (l *LockedOut) Error() string { return "sign-in locked until " + l.Until.Format(time.RFC3339) }

// attempt is one record of a throttle stream.
type attempt struct {
	OK bool      `json:"ok,omitempty"`
	At time.Time `json:"at"`
}

// SignIn is Login behind the throttle. Attempts are stored as records in
// streams "loginfail/<sha256(username, client)>/<window number>", so every
// replica counts the same failures; a success clears the count.
func (d *Directory) SignIn(ctx context.Context, username, password, client string) (Principal, error) {
	if strings.TrimSpace(username) == "" || password == "" {
		return Principal{}, apperr.New(apperr.Unauthenticated, "wrong username or password") // nothing to check or count
	}
	key := throttleKey(username, client)
	now := d.Now().UTC()
	fails, err := d.recentFailures(ctx, key, now)
	if err != nil {
		return Principal{}, err
	}
	if len(fails) >= LoginFailures {
		until := fails[len(fails)-LoginFailures].Add(LoginWindow)
		return Principal{}, apperr.Wrap(apperr.Unauthenticated, &LockedOut{Until: until},
			"too many failed sign-ins; try again after %s UTC", until.Format("15:04"))
	}
	p, err := d.Login(ctx, username, password)
	if err != nil && !apperr.Is(err, apperr.Unauthenticated) {
		return Principal{}, err
	}
	if rerr := d.recordAttempt(ctx, key, now, err == nil); rerr != nil {
		return Principal{}, rerr
	}
	return p, err
}

// throttleKey hashes the case-folded username with the client address, so
// the stream name carries neither.
func throttleKey(username, client string) string {
	sum := sha256.Sum256([]byte(strings.ToLower(strings.TrimSpace(username)) + "\x00" + client))
	return hex.EncodeToString(sum[:16])
}

func throttleStream(key string, window int64) string {
	return "loginfail/" + key + "/" + strconv.FormatInt(window, 10)
}

func windowOf(t time.Time) int64 { return t.Unix() / int64(LoginWindow/time.Second) }

// recentFailures returns the times of the failures since the last success
// that are younger than LoginWindow, oldest first. It reads the current and
// the previous window's streams, which together cover LoginWindow.
func (d *Directory) recentFailures(ctx context.Context, key string, now time.Time) ([]time.Time, error) {
	var fails []time.Time
	w := windowOf(now)
	for _, win := range []int64{w - 1, w} {
		recs, err := d.Log.Read(ctx, throttleStream(key, win), 1)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			var a attempt
			if err := records.Decode(r, &a); err != nil {
				return nil, err
			}
			switch {
			case a.OK:
				fails = fails[:0]
			case now.Sub(a.At) < LoginWindow:
				fails = append(fails, a.At)
			}
		}
	}
	return fails, nil
}

// recordAttempt appends an attempt to the current window's stream,
// retrying when a concurrent attempt took the same sequence number.
func (d *Directory) recordAttempt(ctx context.Context, key string, now time.Time, ok bool) error {
	stream := throttleStream(key, windowOf(now))
	for range 5 {
		last, err := records.LastOrZero(ctx, d.Log, stream)
		if err != nil {
			return err
		}
		_, err = records.Append(ctx, d.Log, last, stream, now, attempt{OK: ok, At: now})
		if !apperr.Is(err, apperr.Conflict) {
			return err
		}
	}
	return apperr.New(apperr.Unavailable, "too many simultaneous sign-ins; try again")
}
