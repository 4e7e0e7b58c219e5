package clauses

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/civicpact/civicpact/apperr"
)

// Check checks raw, a value as decoded from JSON (float64, string, bool,
// json.Number) or YAML (int64, uint64, float64, string, bool), against the
// variable's type, enum values and hard bounds. A nil raw is accepted as
// "not set" unless the variable is required. The error is an apperr
// Invalid whose fields, all at path v.Name, list every problem.
func (v Variable) Check(raw any) (Value, error) {
	var probs apperr.FieldList
	if isEmpty(raw) {
		if v.Required {
			probs.Add(v.Name, "is required")
			return Value{}, probs.Err("invalid value for " + v.Name)
		}
		return Value{}, nil
	}
	val, msg := parseRaw(v.Type, v.Values, raw)
	if msg != "" {
		probs.Add(v.Name, "%s", msg)
		return Value{}, probs.Err("invalid value for " + v.Name)
	}
	if x, ok := val.Float(); ok {
		if v.Bounds.Min != nil && x < *v.Bounds.Min {
			probs.Add(v.Name, "must be at least %s", v.boundText(*v.Bounds.Min))
		}
		if v.Bounds.Max != nil && x > *v.Bounds.Max {
			probs.Add(v.Name, "must be at most %s", v.boundText(*v.Bounds.Max))
		}
	}
	if err := probs.Err("invalid value for " + v.Name); err != nil {
		return Value{}, err
	}
	return val, nil
}

func (v Variable) boundText(x float64) string {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if v.Type == TypeMoney {
		return "$" + s
	}
	return s
}

func isEmpty(raw any) bool {
	s, isString := raw.(string)
	return raw == nil || (isString && strings.TrimSpace(s) == "")
}

// parseRaw converts raw to a Value of type t; the message says what is
// wrong. A nil values list skips the enum membership check.
func parseRaw(t VarType, values []string, raw any) (Value, string) {
	switch t {
	case TypeString, TypeText:
		s, ok := raw.(string)
		if !ok {
			return Value{}, "must be a string"
		}
		if t == TypeString && strings.ContainsAny(s, "\r\n") {
			return Value{}, "must be one line (use a text variable for several lines)"
		}
		return Value{typ: t, set: true, str: s}, ""
	case TypeInteger:
		return parseNumber(t, raw, 0, "must be a whole number")
	case TypeDecimal, TypePercent:
		return parseNumber(t, raw, decimalScale, "must be a number with at most 4 decimals")
	case TypeMoney:
		return parseNumber(t, raw, 2, `must be an amount of dollars with at most 2 decimals, such as "1250.50"`)
	case TypeDate:
		return parseDate(raw)
	case TypeDuration:
		return parseDuration(raw)
	case TypeBoolean:
		return parseBool(raw)
	case TypeEnum, TypeParty:
		return parseChoice(t, values, raw)
	}
	return Value{}, fmt.Sprintf("has unknown type %q", t)
}

func parseNumber(t VarType, raw any, scale int, msg string) (Value, string) {
	s, ok := numberText(raw)
	if !ok {
		return Value{}, msg
	}
	n, ok := parseFixed(s, scale)
	if !ok {
		return Value{}, msg + fmt.Sprintf(" (got %q)", s)
	}
	return Value{typ: t, set: true, num: n}, ""
}

// numberText returns the decimal text of a numeric raw value. Floats are
// written in their shortest exact form, so 1250.5 gives "1250.5".
func numberText(raw any) (string, bool) {
	switch x := raw.(type) {
	case string:
		return strings.TrimSpace(x), true
	case json.Number:
		return x.String(), true
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return "", false
		}
		return strconv.FormatFloat(x, 'f', -1, 64), true
	case float32:
		return strconv.FormatFloat(float64(x), 'f', -1, 32), true
	case int:
		return strconv.Itoa(x), true
	case int64:
		return strconv.FormatInt(x, 10), true
	case uint64:
		return strconv.FormatUint(x, 10), true
	case int32:
		return strconv.FormatInt(int64(x), 10), true
	case uint32:
		return strconv.FormatUint(uint64(x), 10), true
	}
	return "", false
}

// parseFixed parses "-123.45" into an integer of 10^-scale units, rejecting
// more decimals than scale and values that overflow int64.
func parseFixed(s string, scale int) (int64, bool) {
	whole, frac, hasDot := strings.Cut(s, ".")
	neg := strings.HasPrefix(whole, "-")
	whole = strings.TrimPrefix(whole, "-")
	if whole == "" || !allDigits(whole) || !allDigits(frac) || len(frac) > scale || (hasDot && frac == "") {
		return 0, false
	}
	digits := whole + frac + strings.Repeat("0", scale-len(frac))
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil {
		return 0, false
	}
	if neg {
		n = -n
	}
	return n, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func parseDate(raw any) (Value, string) {
	const msg = "must be a date written YYYY-MM-DD"
	var s string
	switch x := raw.(type) {
	case string:
		s = strings.TrimSpace(x)
	case time.Time:
		s = x.UTC().Format(time.DateOnly)
	default:
		return Value{}, msg
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return Value{}, msg + fmt.Sprintf(" (got %q)", s)
	}
	return Value{typ: TypeDate, set: true, str: s}, ""
}

var durationUnits = map[string]string{
	"day": "days", "days": "days", "month": "months", "months": "months", "year": "years", "years": "years",
}

func parseDuration(raw any) (Value, string) {
	const msg = `must be a duration such as "30 days", "6 months" or "2 years"`
	s, ok := raw.(string)
	if !ok {
		return Value{}, msg
	}
	num, unit, ok := strings.Cut(strings.TrimSpace(s), " ")
	n, err := strconv.ParseInt(num, 10, 32)
	canon, known := durationUnits[strings.TrimSpace(unit)]
	if !ok || err != nil || n < 0 || !known || !allDigits(num) {
		return Value{}, msg + fmt.Sprintf(" (got %q)", s)
	}
	return Value{typ: TypeDuration, set: true, num: n, unit: canon}, ""
}

func parseBool(raw any) (Value, string) {
	switch x := raw.(type) {
	case bool:
		return Value{typ: TypeBoolean, set: true, flag: x}, ""
	case string:
		if x == "true" || x == "false" {
			return Value{typ: TypeBoolean, set: true, flag: x == "true"}, ""
		}
	}
	return Value{}, "must be true or false"
}

func parseChoice(t VarType, values []string, raw any) (Value, string) {
	s, ok := raw.(string)
	if t == TypeParty {
		values = []string{"city", "vendor"}
	}
	switch {
	case !ok && values == nil:
		return Value{}, "must be a string"
	case !ok || (values != nil && !slices.Contains(values, s)):
		return Value{}, "must be one of " + strings.Join(values, ", ")
	}
	return Value{typ: t, set: true, str: s}, ""
}

// decodeNumber decodes JSON keeping numbers as json.Number.
func decodeNumber(b []byte, v *any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	return dec.Decode(v)
}
