package server_test

import (
	"testing"
)

// BenchmarkAssembleOverHTTP assembles journey 1's pilot end to end: JSON
// decoding, authentication, assembly over the real starter library in
// SQLite, the first event appended, and the JSON answer.
func BenchmarkAssembleOverHTTP(b *testing.B) {
	e := mustEnv(b)
	body := e.pilotInput()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if r := e.do("legal", "POST", "/api/v1/contracts", body); r.Status != 201 {
			b.Fatalf("assemble: %d %s", r.Status, truncate(r.Body))
		}
	}
}
