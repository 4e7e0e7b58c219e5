package main

import (
	"errors"
	"strings"

	"github.com/civicpact/civicpact/apperr"
)

// describe spells out every field problem of an error, one per line, for
// the terminal.
func describe(err error) error {
	e, ok := apperr.As(err)
	if !ok || len(e.Fields) == 0 {
		return err
	}
	var b strings.Builder
	b.WriteString(e.Message)
	for _, f := range e.Fields {
		b.WriteString("\n  " + f.Path + ": " + f.Message)
	}
	return errors.New(b.String())
}
