package records

import "github.com/civicpact/civicpact/apperr"

// MaxStreamName bounds a stream name's length.
const MaxStreamName = 200

// CheckStream reports whether name is a valid stream name: 1–200 bytes of
// ASCII letters, digits and . _ : / - only. Stream names are built by the
// domain from validated keys and IDs, never taken raw from a request, and the
// narrow alphabet means no adapter can ever see an operator, a wildcard or a
// NUL in one.
func CheckStream(name string) error {
	if name == "" || len(name) > MaxStreamName {
		return apperr.New(apperr.Invalid, "stream name must be 1 to %d characters", MaxStreamName)
	}
	for i := 0; i < len(name); i++ {
		if !streamByte(name[i]) {
			return apperr.New(apperr.Invalid, "stream name %q has a character outside [A-Za-z0-9._:/-]", name)
		}
	}
	return nil
}

// CheckPrefix is CheckStream for a Scan prefix, which may be empty.
func CheckPrefix(prefix string) error {
	if prefix == "" {
		return nil
	}
	return CheckStream(prefix)
}

func streamByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '.' || c == '_' || c == ':' || c == '/' || c == '-'
}

// PrefixEnd returns the smallest string greater than every string that
// starts with prefix, for range scans ("" means no upper bound).
func PrefixEnd(prefix string) string {
	b := []byte(prefix)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xff {
			b[i]++
			return string(b[:i+1])
		}
	}
	return ""
}

// CheckRecord is what every adapter checks before storing r: a valid stream
// name, a positive sequence number and a body within MaxBody.
func CheckRecord(r Record) error {
	if err := CheckStream(r.Stream); err != nil {
		return err
	}
	if r.Seq < 1 {
		return apperr.New(apperr.Invalid, "record sequence %d is not positive", r.Seq)
	}
	if len(r.Body) > MaxBody {
		return apperr.New(apperr.TooLarge, "record of %d bytes is over the %d-byte limit", len(r.Body), MaxBody)
	}
	return nil
}
