package server_test

import (
	"encoding/json"
	"sort"
)

// The helpers here derive hostile variants from a route's valid body, as
// generic JSON values (map[string]any, []any, string, float64, bool, nil).

func mustRoundTrip(v any) any {
	var out any
	if err := json.Unmarshal(mustJSON(v), &out); err != nil {
		panic(err)
	}
	return out
}

func mustJSON(v any) []byte {
	raw, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return raw
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// withField returns a copy of obj with key set to v.
func withField(obj map[string]any, key string, v any) map[string]any {
	out := make(map[string]any, len(obj)+1)
	for k, x := range obj {
		out[k] = x
	}
	out[key] = v
	return out
}

// wrongType returns a value no field of v's JSON type accepts.
func wrongType(v any) any {
	switch v.(type) {
	case string:
		return 12345
	case float64, bool:
		return "not a " + jsonKind(v)
	case []any:
		return map[string]any{"0": "x"}
	}
	return []any{"not", "an", "object"}
}

func jsonKind(v any) string {
	if _, ok := v.(bool); ok {
		return "boolean"
	}
	return "number"
}

// inEveryObject adds key: val to every object inside v.
func inEveryObject(v any, key string, val any) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{key: val}
		for k, e := range x {
			out[k] = inEveryObject(e, key, val)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = inEveryObject(e, key, val)
		}
		return out
	}
	return v
}

// inEveryString appends suffix to every string value inside v.
func inEveryString(v any, suffix string) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			out[k] = inEveryString(e, suffix)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = inEveryString(e, suffix)
		}
		return out
	case string:
		return x + suffix
	}
	return v
}
