package docx

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/civicpact/civicpact/internal/testenv"
)

func TestDebugVendor(t *testing.T) {
	for _, c := range []struct{ file string; ec exportCase }{{"vendor_en", exportCases[0]}, {"vendor_fr", exportCases[2]}} {
		env := testenv.New(t, testenv.MustSQLite(t))
		st := mustCaseState(t, env, c.ec)
		data, _ := os.ReadFile("testdata/" + c.file + ".docx")
		rec := mustReconcile(t, st, mustImport(t, data))
		for _, o := range rec.Clauses {
			if o.Status != StatusUnchanged || len(o.Notes) > 0 {
				b, _ := json.MarshalIndent(o, "", " ")
				t.Log(string(b))
			}
		}
		t.Log(rec.Outside)
	}
}
