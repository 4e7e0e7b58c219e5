package mongodb

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/civicpact/civicpact/apperr"
)

// maxStreamLen is the longest stream name, in bytes, the adapter accepts.
const maxStreamLen = 256

// prefixBound is appended to a prefix to form the exclusive upper bound of
// a prefix range query. Strings compare by UTF-8 bytes (code point order),
// and no valid stream name contains this rune, so every name that starts
// with p lies in [p, p+prefixBound).
const prefixBound = "\U0010FFFF"

// checkStream enforces the stream-name rules: 1 to maxStreamLen bytes of
// valid UTF-8 without control characters (NUL included) or U+10FFFF.
// Names that look like query operators or patterns ("$where", ".*") are
// allowed: they are only ever compared as values, never parsed.
func checkStream(name string) error {
	if name == "" {
		return apperr.New(apperr.Invalid, "the stream name is empty")
	}
	return checkName("stream name", name)
}

// checkPrefix enforces the same rules on a Scan prefix, which may be empty.
func checkPrefix(prefix string) error {
	if prefix == "" {
		return nil
	}
	return checkName("stream prefix", prefix)
}

func checkName(what, s string) error {
	switch {
	case len(s) > maxStreamLen:
		return apperr.New(apperr.Invalid, "the %s is longer than %d bytes", what, maxStreamLen)
	case !utf8.ValidString(s):
		return apperr.New(apperr.Invalid, "the %s is not valid UTF-8", what)
	case strings.IndexFunc(s, forbiddenRune) >= 0:
		return apperr.New(apperr.Invalid, "the %s contains a control character", what)
	}
	return nil
}

func forbiddenRune(r rune) bool {
	return unicode.IsControl(r) || r == utf8.MaxRune
}
