package server

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"reflect"
	"testing"

	"github.com/civicpact/civicpact/apperr"
)

// requestTypes returns the body type of every route in the route table, so
// a new write route's request struct is fuzzed without touching this file.
func requestTypes(t testing.TB) map[string]reflect.Type {
	t.Helper()
	s := New(Config{}, Deps{}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	out := map[string]reflect.Type{}
	for _, r := range s.routes {
		if r.Body != nil {
			typ := reflect.TypeOf(r.Body)
			out[typ.Name()] = typ
		}
	}
	if len(out) == 0 {
		t.Fatal("no request types in the route table")
	}
	return out
}

// eachString calls fn on every string inside v: struct fields, map keys
// and values, slice elements, through pointers and interfaces.
func eachString(v reflect.Value, fn func(string)) {
	switch v.Kind() {
	case reflect.String:
		fn(v.String())
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			eachString(v.Elem(), fn)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				eachString(v.Field(i), fn)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			eachString(v.Index(i), fn)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			eachString(it.Key(), fn)
			eachString(it.Value(), fn)
		}
	}
}

// FuzzDecodeStrict feeds arbitrary bodies to every write route's request
// struct through decodeStrict. It must never panic; a refusal is always
// Invalid or TooLarge (a 4xx, never a 500); and what it accepts is one JSON
// object of valid UTF-8 without control characters whose decoded value
// re-encodes to a body decodeStrict accepts again.
func FuzzDecodeStrict(f *testing.F) {
	f.Add([]byte(`{"base":3,"rationale":"clarity","amendments":[{"clause_id":"scl-pilot-02","kind":"text","lang":"en","text":"x"}]}`))
	f.Add([]byte(`{"name":{"$gt":""},"$where":"1"}`))
	types := requestTypes(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		for name, typ := range types {
			v := reflect.New(typ).Interface()
			err := decodeStrict(body, v)
			if err != nil {
				if ae, ok := apperr.As(err); !ok || (ae.Kind != apperr.Invalid && ae.Kind != apperr.TooLarge) {
					t.Fatalf("%s: refusal %v is not Invalid or TooLarge", name, err)
				}
				continue
			}
			checkAccepted(t, name, body, v)
		}
	})
}

func checkAccepted(t *testing.T, name string, body []byte, v any) {
	t.Helper()
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '{' {
		t.Fatalf("%s: accepted a body that is not an object: %q", name, body)
	}
	eachString(reflect.ValueOf(v), func(s string) {
		if hasControl(s) {
			t.Fatalf("%s: decoded string %q holds a control character", name, s)
		}
	})
	again, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%s: decoded value does not re-encode: %v", name, err)
	}
	w := reflect.New(reflect.TypeOf(v).Elem()).Interface()
	if err := decodeStrict(again, w); err != nil {
		t.Fatalf("%s: re-encoded %s is refused: %v", name, again, err)
	}
}
