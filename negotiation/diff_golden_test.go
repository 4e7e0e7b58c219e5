package negotiation

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestRedlineGolden renders redlines of real-looking clauses and compares
// them with testdata/redline_*.golden; run with -update to accept changes.
func TestRedlineGolden(t *testing.T) {
	tests := []struct{ name, old, new string }{
		{"payment_terms",
			"The City shall pay each undisputed invoice within thirty (30) days of receipt. Any amount that is not paid when due shall bear interest at a rate of one percent (1%) per month.",
			"The City shall pay each undisputed invoice within sixty (60) Business Days of receipt. Any amount that is not paid when due shall bear interest at a rate of one and one-half percent (1.5%) per month, provided that no interest accrues on disputed amounts."},
		{"french_clause",
			"Le Fournisseur doit livrer l’équipement à la Ville dans un délai de trente (30) jours ; la Ville peut refuser tout « Livrable » non conforme.",
			"Le Fournisseur doit livrer et installer l’équipement à la Ville dans un délai de quarante-cinq (45) jours ouvrables ; la Ville peut refuser tout « Livrable » non conforme."},
		{"cosmetic_only",
			"The Contractor shall  comply with the City's Acceptable Use Policy",
			"The contractor shall comply with the City’s Acceptable Use Policy."},
		{"rewrite",
			"Except as otherwise provided in Section 20.1, the Contractor shall not support the disaster recovery plan without the prior written consent of the City.",
			"The Contractor may engage Subcontractors without the City’s consent, provided that the Contractor remains responsible for their performance."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := DiffText(tt.old, tt.new)
			mustApply(t, d, tt.old, tt.new)
			mustMatchGolden(t, "redline_"+tt.name+".golden", renderRedline(d))
		})
	}
}

// renderRedline is the golden form of a redline: a summary line, the HTML,
// and one line per change.
func renderRedline(d TextDiff) string {
	var b strings.Builder
	fmt.Fprintf(&b, "substantive=%v words_deleted=%d words_inserted=%d\n", d.Substantive, d.WordsDeleted, d.WordsInserted)
	b.WriteString(d.HTML() + "\n")
	for _, c := range d.Changes {
		if c.Op != OpEqual {
			fmt.Fprintf(&b, "%-6s old@%d new@%d substantive=%v %q\n", c.Op, c.OldOffset, c.NewOffset, c.Substantive, c.Text)
		}
	}
	return b.String()
}

func mustMatchGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (-want +got):\n-%s\n+%s", path, want, got)
	}
}
