package sqlite_test

import (
	"testing"

	"github.com/civicpact/civicpact/records"
	"github.com/civicpact/civicpact/storage/sqlite"
	"github.com/civicpact/civicpact/storage/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) records.Log {
		l, err := sqlite.Open(t.Context(), t.TempDir())
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		return l
	})
}
