package templates

import (
	"slices"

	"github.com/civicpact/civicpact/clauses"
)

// Threshold is one row of the versioned procurement-threshold table: the
// value at or above which a rule applies, for an effective period.
type Threshold struct {
	Rule      string   // "CFTA", "CETA", "QC-LCV-573" (public call), "QC-LCV-573.1" (invitation)
	Entity    string   // "municipal" or "federal"
	Provinces []string // empty: every province
	Category  string   // "goods_services", "goods", "services" or "construction"
	From, To  string   // inclusive YYYY-MM-DD; "" is open
	Cents     int64
	Verified  bool   // false where DOMAIN.md marks the figure [R]
	Source    string // where the figure comes from
	Note      string
}

// Thresholds returns the table. Figures are those of DOMAIN.md §5.4 only;
// periods the brief gives no figure for are not invented: a lookup on such
// a date falls back to the nearest earlier row and says so.
func Thresholds() []Threshold {
	const tbs = "Treasury Board contracting policy notices 2023-6 and 2025-8"
	return []Threshold{
		{Rule: "CFTA", Entity: "municipal", Category: "goods_services", From: "2017-07-01", To: "2017-12-31", Cents: 100_000_00,
			Source: "DOMAIN.md §5.4", Note: "base amount when the CFTA took effect; the indexed figures for 2018–2023 are not recorded"},
		{Rule: "CFTA", Entity: "municipal", Category: "goods_services", From: "2024-01-01", To: "2025-12-31", Cents: 133_800_00,
			Source: "DOMAIN.md §5.4"},
		{Rule: "CFTA", Entity: "municipal", Category: "construction", From: "2017-07-01", To: "2017-12-31", Cents: 250_000_00,
			Source: "DOMAIN.md §5.4", Note: "base amount"},
		{Rule: "CFTA", Entity: "municipal", Category: "construction", From: "2024-01-01", To: "2025-12-31", Cents: 334_600_00,
			Source: "DOMAIN.md §5.4"},
		{Rule: "CFTA", Entity: "federal", Category: "goods", From: "2024-01-01", To: "2025-12-31", Cents: 33_400_00, Verified: true, Source: tbs},
		{Rule: "CFTA", Entity: "federal", Category: "services", From: "2024-01-01", To: "2025-12-31", Cents: 133_800_00, Verified: true, Source: tbs},
		{Rule: "CFTA", Entity: "federal", Category: "services", From: "2026-01-01", To: "2027-12-31", Cents: 139_000_00, Verified: true, Source: tbs},
		{Rule: "CETA", Entity: "federal", Category: "construction", From: "2024-01-01", To: "2025-12-31", Cents: 8_800_000_00, Verified: true, Source: tbs},
		{Rule: "CETA", Entity: "federal", Category: "construction", From: "2026-01-01", To: "2027-12-31", Cents: 9_200_000_00, Verified: true, Source: tbs},
		{Rule: "CETA", Entity: "municipal", Provinces: []string{"QC"}, Category: "goods_services", From: "2022-08-22", To: "2023-12-31",
			Cents: 366_800_00, Verified: true, Source: "CQLR c. C-19, r. 5, s. 3 (version of 22 Aug 2022)"},
		{Rule: "CETA", Entity: "municipal", Provinces: []string{"QC"}, Category: "goods_services", From: "2024-01-01", To: "2025-12-31",
			Cents: 353_300_00, Source: "DOMAIN.md §5.4", Note: "reported figure"},
		{Rule: "QC-LCV-573", Entity: "municipal", Provinces: []string{"QC"}, Category: "goods_services", From: "2019-01-01", To: "2019-12-31",
			Cents: 101_100_00, Verified: true, Source: "Cities and Towns Act s. 573; ministerial threshold",
			Note: "adjusted every two years; later figures are not recorded"},
		{Rule: "QC-LCV-573.1", Entity: "municipal", Provinces: []string{"QC"}, Category: "goods_services",
			Cents: 25_000_00, Verified: true, Source: "Cities and Towns Act s. 573.1"},
	}
}

// thresholdFor finds the row of rule for a municipality in province on
// date. exact is false when no row's period covers date and the nearest
// earlier row (or, before every row, the earliest) was used instead.
func thresholdFor(rule, province, date string) (t Threshold, exact, found bool) {
	var rows []Threshold
	for _, r := range Thresholds() {
		if r.Rule == rule && r.Entity == "municipal" && r.Category == "goods_services" &&
			(len(r.Provinces) == 0 || slices.Contains(r.Provinces, province)) {
			rows = append(rows, r)
		}
	}
	if len(rows) == 0 {
		return Threshold{}, false, false
	}
	best := rows[0]
	for _, r := range rows {
		if (r.From == "" || r.From <= date) && (r.To == "" || date <= r.To) {
			return r, true, true
		}
		if r.From <= date && r.From > best.From {
			best = r
		}
	}
	return best, false, true
}

// period describes a row's effective period for messages.
func (t Threshold) period(lang clauses.Lang) string {
	from, to := t.From, t.To
	if lang == clauses.FR {
		switch {
		case from == "" && to == "":
			return "en vigueur"
		case to == "":
			return "depuis le " + from
		}
		return "du " + from + " au " + to
	}
	switch {
	case from == "" && to == "":
		return "in force"
	case to == "":
		return "since " + from
	}
	return from + " to " + to
}
