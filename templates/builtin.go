package templates

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"

	"github.com/civicpact/civicpact/apperr"
)

//go:embed builtin/*.json
var builtinFS embed.FS

// Builtin returns the built-in templates, one per procurement route, sorted
// by key. Each call decodes fresh copies, so callers may change them.
func Builtin() ([]Template, error) {
	paths, err := fs.Glob(builtinFS, "builtin/*.json")
	if err != nil {
		return nil, apperr.Wrap(apperr.Internal, err, "list built-in templates")
	}
	out := make([]Template, 0, len(paths))
	for _, p := range paths {
		raw, err := builtinFS.ReadFile(p)
		if err != nil {
			return nil, apperr.Wrap(apperr.Internal, err, "read %s", p)
		}
		t, err := DecodeTemplate(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out, nil
}

// BuiltinTemplate returns the built-in template with key. Built-in
// templates are all version 1; a later version lives in the store.
func BuiltinTemplate(key string, version int) (*Template, error) {
	all, err := Builtin()
	if err != nil {
		return nil, err
	}
	for i := range all {
		if all[i].Key == key && (version == 0 || version == all[i].Version) {
			return &all[i], nil
		}
	}
	return nil, apperr.New(apperr.NotFound, "no template %s version %d", key, version)
}

// DecodeTemplate decodes a template from JSON, rejecting unknown fields,
// and validates it.
func DecodeTemplate(raw []byte) (*Template, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var t Template
	if err := dec.Decode(&t); err != nil {
		return nil, apperr.Wrap(apperr.Invalid, err, "malformed template: %v", err)
	}
	if err := ValidateTemplate(&t); err != nil {
		return nil, err
	}
	return &t, nil
}
