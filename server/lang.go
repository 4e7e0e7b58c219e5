package server

import "github.com/civicpact/civicpact/clauses"

// langOf maps a request's language code; anything unknown stays as given
// so validation can name it.
func langOf(s string) clauses.Lang { return clauses.Lang(s) }
