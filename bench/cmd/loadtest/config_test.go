package main

import (
	"strings"
	"testing"
	"time"
)

func TestCheckLoopbackRefusesEveryOtherAddress(t *testing.T) {
	tests := []struct {
		target string
		ok     bool
	}{
		{"http://127.0.0.1:8080", true},
		{"http://127.9.9.9:80", true},
		{"http://localhost:8080", true},
		{"http://[::1]:8080", true},
		{"http://10.0.0.5:8080", false},
		{"http://192.168.1.10", false},
		{"http://172.16.0.1:8080", false},
		{"http://example.com", false},
		{"http://localhost.example.com", false},
		{"http://0.0.0.0:8080", false},
		{"ftp://127.0.0.1", false},
		{"127.0.0.1:8080", false},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			if err := checkLoopback(tt.target); (err == nil) != tt.ok {
				t.Fatalf("checkLoopback(%q) = %v, want ok %v", tt.target, err, tt.ok)
			}
		})
	}
}

func TestFlagsAreBounded(t *testing.T) {
	env := func(string) string { return "" }
	tests := []struct {
		name string
		args []string
		ok   bool
	}{
		{"start a binary", []string{"-bin", "/tmp/civicpact"}, true},
		{"target needs a token", []string{"-target", "http://127.0.0.1:8080"}, false},
		{"remote target", []string{"-target", "http://10.1.2.3:8080", "-admin-token", "x"}, false},
		{"both", []string{"-bin", "b", "-target", "http://127.0.0.1:1", "-admin-token", "x"}, false},
		{"kill needs a started server", []string{"-target", "http://127.0.0.1:1", "-admin-token", "x", "-kill-after", "5s"}, false},
		{"kill after the end", []string{"-bin", "b", "-duration", "10s", "-kill-after", "20s"}, false},
		{"too long", []string{"-bin", "b", "-duration", "11m"}, false},
		{"too fast", []string{"-bin", "b", "-rate", "100000"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseFlags(tt.args, env)
			if (err == nil) != tt.ok {
				t.Fatalf("parseFlags(%v) = %v, want ok %v", tt.args, err, tt.ok)
			}
		})
	}
	c, err := parseFlags([]string{"-bin", "b", "-rate", "200", "-duration", "30s"}, env)
	if err != nil || c.maxRequests != 6000 || c.duration != 30*time.Second {
		t.Fatalf("default request bound = %d, %v; want rate × duration = 6000", c.maxRequests, err)
	}
}

func TestMixIsSeventyTwentyFiveFive(t *testing.T) {
	share := map[string]int{}
	for _, m := range mix {
		kind, _, _ := strings.Cut(m.class, ":")
		share[kind] += m.weight
	}
	if share["read"] != 140 || share["write"] != 50 || share["pdf"] != 10 {
		t.Fatalf("mix in parts of 200: %v; want reads 140, writes 50, pdf 10", share)
	}
}
