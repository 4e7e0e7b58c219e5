// Package password hashes passwords with argon2id (RFC 9106) in the PHC
// string format, implementing identity.Hasher.
package password

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Argon2id holds the cost parameters. The zero value is not usable: use
// Default (OWASP's 19 MiB, t=2, p=1 profile) or Fast for tests.
type Argon2id struct {
	Memory  uint32 // KiB
	Time    uint32
	Threads uint8
}

// Default is the production cost profile.
var Default = Argon2id{Memory: 19 * 1024, Time: 2, Threads: 1}

// Hash returns a PHC-format argon2id hash of pw with a random salt.
func (a Argon2id) Hash(pw string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(pw), salt, a.Time, a.Memory, a.Threads, 32)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, a.Memory, a.Time, a.Threads,
		enc.EncodeToString(salt), enc.EncodeToString(key)), nil
}

// Verify reports whether pw matches hash, in constant time. A malformed
// hash is a mismatch, after doing comparable work.
func (a Argon2id) Verify(hash, pw string) bool {
	parts := strings.Split(hash, "$")
	var m, t uint32
	var p uint8
	ok := len(parts) == 6 && parts[1] == "argon2id"
	if ok {
		_, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p)
		ok = err == nil && m >= 8 && m <= 1<<20 && t >= 1 && t <= 10 && p >= 1
	}
	enc := base64.RawStdEncoding
	salt, err1 := enc.DecodeString(safePart(parts, 4))
	want, err2 := enc.DecodeString(safePart(parts, 5))
	if !ok || err1 != nil || err2 != nil || len(want) == 0 {
		argon2.IDKey([]byte(pw), []byte("civicpact-dummy-salt"), a.Time, a.Memory, a.Threads, 32)
		return false
	}
	got := argon2.IDKey([]byte(pw), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

func safePart(parts []string, i int) string {
	if i < len(parts) {
		return parts[i]
	}
	return ""
}
