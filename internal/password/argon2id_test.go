package password

import "testing"

func TestHashVerify(t *testing.T) {
	a := Argon2id{Memory: 64, Time: 1, Threads: 1}
	h, err := a.Hash("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, hash, pw string
		want           bool
	}{
		{"right password", h, "correct horse battery", true},
		{"wrong password", h, "correct horse batterz", false},
		{"malformed hash", "$argon2id$nonsense", "x", false},
		{"empty hash", "", "x", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := a.Verify(tt.hash, tt.pw); got != tt.want {
				t.Errorf("Verify = %v, want %v", got, tt.want)
			}
		})
	}
}
