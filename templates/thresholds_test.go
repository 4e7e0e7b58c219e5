package templates

import (
	"slices"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/clauses"
)

func TestThresholdTable(t *testing.T) {
	for i, r := range Thresholds() {
		if r.Cents <= 0 || r.Source == "" || (r.From != "" && r.To != "" && r.From > r.To) {
			t.Errorf("row %d: %+v", i, r)
		}
	}
	tests := []struct {
		rule, province, date string
		cents                int64
		exact                bool
	}{
		{"CFTA", "ON", "2025-06-30", 133_800_00, true},
		{"CFTA", "ON", "2017-09-01", 100_000_00, true},
		{"CFTA", "ON", "2021-01-01", 100_000_00, false}, // no figure recorded: the earlier one
		{"CFTA", "ON", "2026-03-02", 133_800_00, false},
		{"CFTA", "ON", "2010-01-01", 100_000_00, false}, // before every row: the earliest
		{"CETA", "QC", "2023-01-01", 366_800_00, true},
		{"CETA", "QC", "2024-05-01", 353_300_00, true},
		{"QC-LCV-573.1", "QC", "2026-03-02", 25_000_00, true},
	}
	for _, tt := range tests {
		got, exact, found := thresholdFor(tt.rule, tt.province, tt.date)
		if !found || got.Cents != tt.cents || exact != tt.exact {
			t.Errorf("%s %s %s = %d exact %v found %v; want %d exact %v", tt.rule, tt.province, tt.date, got.Cents, exact, found, tt.cents, tt.exact)
		}
	}
	if _, _, found := thresholdFor("CETA", "ON", "2025-01-01"); found {
		t.Error("CETA municipal figure for ON: none is recorded")
	}
}

func TestCheckRoute(t *testing.T) {
	tests := []struct {
		name     string
		route    clauses.Route
		province string
		dollars  int64
		date     string
		scaleUp  bool
		want     []string
	}{
		{"small sole source", clauses.RouteSoleSource, "ON", 50_000, "2025-03-01", false, nil},
		{"sole source over CFTA", clauses.RouteSoleSource, "ON", 200_000, "2025-03-01", false,
			[]string{"sole_source_over_threshold", "threshold_unverified"}},
		{"sole source at the threshold, stale date", clauses.RouteSoleSource, "BC", 133_800, "2026-03-02", false,
			[]string{"sole_source_over_threshold", "threshold_out_of_period", "threshold_unverified"}},
		{"rfp over CFTA", clauses.RouteRFP, "ON", 500_000, "2025-03-01", false, nil},
		{"pilot with committed scale-up", clauses.RoutePilot, "ON", 300_000, "2025-03-01", true,
			[]string{"pilot_over_threshold", "threshold_unverified", "scale_up_over_threshold"}},
		{"challenge scale-up under threshold", clauses.RouteChallenge, "ON", 100_000, "2025-03-01", true, nil},
		{"QC sole source needing invitation", clauses.RouteSoleSource, "QC", 60_000, "2025-03-01", false,
			[]string{"qc_invitation_required"}},
		{"QC sole source needing public tender and CETA", clauses.RouteSoleSource, "QC", 400_000, "2025-03-01", false,
			[]string{"sole_source_over_threshold", "threshold_unverified", "qc_public_tender_required", "threshold_out_of_period",
				"qc_ceta_open_tender", "threshold_unverified"}},
		{"QC rfp over CETA", clauses.RouteRFP, "QC", 400_000, "2023-03-01", false, []string{"qc_ceta_open_tender"}},
		{"QC grant", clauses.RouteGrant, "QC", 400_000, "2023-03-01", false, nil},
		{"bad date", clauses.RouteRFP, "ON", 1, "March 2", false, []string{"invalid_date"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := CheckRoute(tt.route, tt.province, tt.dollars*100, tt.date, tt.scaleUp)
			var got []string
			for _, w := range ws {
				got = append(got, w.Code)
				if w.Message.EN == "" || w.Message.FR == "" {
					t.Errorf("%s: message not bilingual", w.Code)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("codes = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCheckRouteMessages(t *testing.T) {
	ws := CheckRoute(clauses.RouteSoleSource, "QC", 200_000_00, "2025-03-01", false)
	if !strings.Contains(ws[0].Message.EN, "$133,800") || !strings.Contains(ws[0].Message.FR, "133\u00a0800\u00a0$") {
		t.Errorf("amounts not formatted per language: %+v", ws[0].Message)
	}
	if !ws[0].SignOff {
		t.Error("sole source over threshold must need sign-off")
	}
}

func TestFormatCAD(t *testing.T) {
	tests := []struct {
		cents  int64
		en, fr string
	}{
		{0, "$0", "0\u00a0$"},
		{133_800_00, "$133,800", "133\u00a0800\u00a0$"},
		{1_250_50, "$1,250.50", "1\u00a0250,50\u00a0$"},
		{-5_05, "-$5.05", "-5,05\u00a0$"},
	}
	for _, tt := range tests {
		if en, fr := formatCAD(tt.cents, clauses.EN), formatCAD(tt.cents, clauses.FR); en != tt.en || fr != tt.fr {
			t.Errorf("formatCAD(%d) = %q / %q, want %q / %q", tt.cents, en, fr, tt.en, tt.fr)
		}
	}
}
