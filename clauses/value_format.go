package clauses

import (
	"strconv"
	"strings"
	"time"
)

const nbsp = "\u00a0"

// Format returns the value as it prints in a contract in lang: in English
// "$2,000,000.00", "2.5", "10%", "6 months", "March 1, 2026", "the City";
// in French (Quebec typography, U+00A0 as the thousands separator and
// before "$" and "%") "2 000 000,00 $", "2,5", "10 %", "6 mois",
// "1er mars 2026", "la Ville". An unset value formats as "".
func (v Value) Format(lang Lang) string {
	if !v.set {
		return ""
	}
	fr := lang == FR
	switch v.typ {
	case TypeInteger:
		return localNumber(strconv.FormatInt(v.num, 10), fr)
	case TypeDecimal:
		return localNumber(fixed(v.num, decimalScale, true), fr)
	case TypePercent:
		n := localNumber(fixed(v.num, decimalScale, true), fr)
		if fr {
			return n + nbsp + "%"
		}
		return n + "%"
	case TypeMoney:
		return formatMoney(v.num, fr)
	case TypeDate:
		return formatDate(v.str, fr)
	case TypeDuration:
		return formatDuration(v.num, v.unit, fr)
	case TypeBoolean:
		return boolWords[fr][v.flag]
	case TypeParty:
		return partyNames[fr][v.str]
	}
	return v.str
}

var (
	boolWords  = map[bool]map[bool]string{false: {true: "yes", false: "no"}, true: {true: "oui", false: "non"}}
	partyNames = map[bool]map[string]string{
		false: {"city": "the City", "vendor": "the Vendor"},
		true:  {"city": "la Ville", "vendor": "le Prestataire"},
	}
)

func formatMoney(cents int64, fr bool) string {
	s := localNumber(fixed(cents, 2, false), fr)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	sign := ""
	if neg {
		sign = "-"
	}
	if fr {
		return sign + s + nbsp + "$"
	}
	return sign + "$" + s
}

// localNumber groups the integer digits of a plain decimal such as
// "-1234567.5" by thousands and uses the language's decimal mark.
func localNumber(s string, fr bool) string {
	sep, mark := ",", "."
	if fr {
		sep, mark = nbsp, ","
	}
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, d := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(d)
	}
	if hasFrac {
		b.WriteString(mark + frac)
	}
	return sign + b.String()
}

var frMonths = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
	"septembre", "octobre", "novembre", "décembre"}

func formatDate(s string, fr bool) string {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	if !fr {
		return d.Format("January 2, 2006")
	}
	day := strconv.Itoa(d.Day())
	if d.Day() == 1 {
		day = "1er"
	}
	return day + " " + frMonths[d.Month()-1] + " " + strconv.Itoa(d.Year())
}

var durationWords = map[string][2][2]string{ // unit → [en, fr] → [singular, plural]
	"days":   {{"day", "days"}, {"jour", "jours"}},
	"months": {{"month", "months"}, {"mois", "mois"}},
	"years":  {{"year", "years"}, {"an", "ans"}},
}

func formatDuration(n int64, unit string, fr bool) string {
	lang, form := 0, 1
	if fr {
		lang = 1
	}
	if n == 1 || (fr && n == 0) {
		form = 0
	}
	return strconv.FormatInt(n, 10) + " " + durationWords[unit][lang][form]
}
