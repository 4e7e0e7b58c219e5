package clauses

import (
	"encoding/json"
	"strconv"

	"github.com/civicpact/civicpact/apperr"
)

// Value is a checked value of a clause variable. Numbers are exact: money
// is int64 cents, decimals and percentages are int64 ten-thousandths, so no
// float ever carries an amount. The zero Value is "not set". Values compare
// with ==.
type Value struct {
	typ  VarType
	set  bool
	str  string // string, text, enum, party; date as YYYY-MM-DD
	num  int64  // integer; money in cents; decimal and percent in 1/10000; duration count
	unit string // duration unit: days, months or years
	flag bool   // boolean
}

// decimalScale is the number of decimals a decimal or percent keeps.
const decimalScale = 4

// Type returns the value's variable type; empty when the value is not set.
func (v Value) Type() VarType { return v.typ }

// IsZero reports whether the value is not set.
func (v Value) IsZero() bool { return !v.set }

// Cents returns a money value in cents.
func (v Value) Cents() (int64, bool) { return v.num, v.set && v.typ == TypeMoney }

// Float returns a numeric value as a float64 for playbook range checks:
// integers and decimals as they are, percentages as written (10 for 10 %)
// and money in dollars. It reports false for other types.
func (v Value) Float() (float64, bool) {
	if !v.set {
		return 0, false
	}
	switch v.typ {
	case TypeInteger:
		return float64(v.num), true
	case TypeDecimal, TypePercent:
		return float64(v.num) / 1e4, true
	case TypeMoney:
		return float64(v.num) / 100, true
	}
	return 0, false
}

// Canonical returns the value as FORMAT.md writes it: "30", "2.5",
// "2000000" or "1250.50" for money, "10" for 10 %, "2026-03-01",
// "6 months", "true", or the string itself.
func (v Value) Canonical() string {
	switch v.typ {
	case TypeInteger:
		return strconv.FormatInt(v.num, 10)
	case TypeDecimal, TypePercent:
		return fixed(v.num, decimalScale, true)
	case TypeMoney:
		return fixed(v.num, 2, v.num%100 == 0)
	case TypeDuration:
		return formatDuration(v.num, v.unit, false)
	case TypeBoolean:
		return strconv.FormatBool(v.flag)
	}
	return v.str
}

// Raw returns the value as JSON carries it: an int64 for integers, a
// json.Number for decimals and percentages, a bool for booleans and a
// string otherwise (money is a string of dollars); nil when not set.
func (v Value) Raw() any {
	if !v.set {
		return nil
	}
	switch v.typ {
	case TypeInteger:
		return v.num
	case TypeDecimal, TypePercent:
		return json.Number(v.Canonical())
	case TypeBoolean:
		return v.flag
	}
	return v.Canonical()
}

type valueJSON struct {
	Type  VarType         `json:"type"`
	Value json.RawMessage `json:"value"`
}

// MarshalJSON encodes the value as {"type": …, "value": Raw()}, or null
// when it is not set.
func (v Value) MarshalJSON() ([]byte, error) {
	if !v.set {
		return []byte("null"), nil
	}
	raw, err := json.Marshal(v.Raw())
	if err != nil {
		return nil, err
	}
	return json.Marshal(valueJSON{Type: v.typ, Value: raw})
}

// UnmarshalJSON decodes what MarshalJSON writes. An enum's membership is
// not checked here: that needs the variable (see Variable.Check).
func (v *Value) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*v = Value{}
		return nil
	}
	var vj valueJSON
	if err := json.Unmarshal(b, &vj); err != nil {
		return apperr.Wrap(apperr.Invalid, err, "malformed value")
	}
	var raw any
	if err := decodeNumber(vj.Value, &raw); err != nil {
		return apperr.Wrap(apperr.Invalid, err, "malformed value")
	}
	val, msg := parseRaw(vj.Type, nil, raw)
	if msg != "" {
		return apperr.New(apperr.Invalid, "%s value %s", vj.Type, msg)
	}
	*v = val
	return nil
}

// fixed formats n/10^scale exactly; trim drops trailing fractional zeros.
func fixed(n int64, scale int, trim bool) string {
	neg := n < 0
	u := uint64(n)
	if neg {
		u = -u
	}
	pow := uint64(1)
	for range scale {
		pow *= 10
	}
	s := strconv.FormatUint(u/pow, 10)
	if scale > 0 {
		frac := strconv.FormatUint(u%pow+pow, 10)[1:]
		if trim {
			for len(frac) > 0 && frac[len(frac)-1] == '0' {
				frac = frac[:len(frac)-1]
			}
		}
		if frac != "" {
			s += "." + frac
		}
	}
	if neg {
		s = "-" + s
	}
	return s
}
