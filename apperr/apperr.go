// Package apperr defines the kinds of error civicpact's packages return, so
// that one table at the HTTP edge can turn each kind into a status code and
// every layer in between can wrap errors with %w without losing the kind.
package apperr

import (
	"errors"
	"fmt"
	"strings"
)

// Kind classifies an error by what the caller can do about it.
type Kind int

// The kinds, in the order of the HTTP status table in package server.
const (
	Internal        Kind = iota // a bug or an unexpected failure; the message is not shown to users
	Invalid                     // the input breaks a rule; Fields says where
	Unauthenticated             // no or bad credentials
	Forbidden                   // the caller may see the object but not do this
	NotFound                    // no such object, or the caller may not see it
	Conflict                    // a stale write or a duplicate; Current says what is current
	TooLarge                    // the input is over a size limit
	Unavailable                 // a dependency (the store) is down; retrying later may work
)

var kindNames = [...]string{"internal", "invalid", "unauthenticated", "forbidden", "not_found", "conflict", "too_large", "unavailable"}

// String returns the kind's stable, snake_case name.
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return "internal"
	}
	return kindNames[k]
}

// FieldError names one invalid input by its path (JSON-pointer-like, e.g.
// "variables.cap_multiple" or "parties[1].signatories[0].name").
type FieldError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// Error is the concrete error type. Message is safe to show to the caller;
// Err, if set, is the underlying cause and goes only to the log.
type Error struct {
	Kind    Kind
	Message string
	Fields  []FieldError
	// Current carries, for a Conflict, what the caller needs to retry:
	// typically the current revision. It is encoded into the problem body.
	Current map[string]any
	Err     error
}

// Error returns the message followed by the cause, for logs.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Kind.String())
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	for _, f := range e.Fields {
		fmt.Fprintf(&b, "; %s: %s", f.Path, f.Message)
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap exposes the cause to errors.Is and errors.As.
func (e *Error) Unwrap() error { return e.Err }

// New returns an error of kind k with a formatted, user-safe message.
func New(k Kind, format string, args ...any) *Error {
	return &Error{Kind: k, Message: fmt.Sprintf(format, args...)}
}

// Wrap returns an error of kind k whose cause is err. The message is shown
// to users; err is not.
func Wrap(k Kind, err error, format string, args ...any) *Error {
	return &Error{Kind: k, Message: fmt.Sprintf(format, args...), Err: err}
}

// Fields returns an Invalid error listing every problem at once.
func Fields(message string, fields []FieldError) *Error {
	return &Error{Kind: Invalid, Message: message, Fields: fields}
}

// KindOf returns the kind of the first *Error in err's chain, or Internal.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Internal
}

// Is reports whether err's chain holds an *Error of kind k.
func Is(err error, k Kind) bool { return err != nil && KindOf(err) == k }

// As returns the first *Error in err's chain.
func As(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// FieldList collects field errors while validating, so a validator can
// report every problem at once.
type FieldList []FieldError

// Add appends a problem at path.
func (l *FieldList) Add(path, format string, args ...any) {
	*l = append(*l, FieldError{Path: path, Message: fmt.Sprintf(format, args...)})
}

// Err returns nil when the list is empty, otherwise an Invalid error.
func (l FieldList) Err(message string) error {
	if len(l) == 0 {
		return nil
	}
	return Fields(message, l)
}
