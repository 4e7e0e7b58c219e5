package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/civicpact/civicpact/render/pdfsign"
)

// Config is the whole program's configuration, read once from flags and
// CIVICPACT_* environment variables (flags win), validated once, and passed
// explicitly from here.
type Config struct {
	Addr            string
	DataDir         string
	MongoURI        string
	MongoDB         string
	AdminToken      string
	Demo            bool
	MaxBody         int64
	RequestTimeout  time.Duration
	ShutdownTimeout time.Duration
	LogLevel        string
	LogFormat       string
	PprofAddr       string
	// SignCert and SignKey are PEM files: the certificate (then any
	// intermediates) and private key that certify final contract PDFs.
	// Both or neither; parseConfig loads them into signer.
	SignCert string
	SignKey  string
	signer   *pdfsign.Certifier
}

// configFlags declares the flags of the serve command over cfg, with
// defaults taken from the environment.
func configFlags(fs *flag.FlagSet, cfg *Config, env func(string) string) {
	get := func(key, def string) string {
		if v := env(key); v != "" {
			return v
		}
		return def
	}
	fs.StringVar(&cfg.Addr, "addr", get("CIVICPACT_ADDR", "127.0.0.1:8080"), "listen address (CIVICPACT_ADDR)")
	fs.StringVar(&cfg.DataDir, "data", get("CIVICPACT_DATA", "./civicpact-data"), "data directory of the embedded store (CIVICPACT_DATA)")
	fs.StringVar(&cfg.MongoURI, "mongodb-uri", get("MONGODB_URI", ""), "MongoDB connection string; empty = embedded SQLite (MONGODB_URI)")
	fs.StringVar(&cfg.MongoDB, "mongodb-db", get("CIVICPACT_MONGODB_DB", "civicpact"), "MongoDB database name (CIVICPACT_MONGODB_DB)")
	fs.StringVar(&cfg.AdminToken, "admin-token", get("CIVICPACT_ADMIN_TOKEN", ""), "API token of the first admin on an empty store; generated when empty (CIVICPACT_ADMIN_TOKEN)")
	fs.BoolVar(&cfg.Demo, "demo", get("CIVICPACT_DEMO", "") == "true", "seed demo organisations, users and contracts on an empty store (CIVICPACT_DEMO=true)")
	fs.Func("max-body", "request body limit in bytes (CIVICPACT_MAX_BODY, default 1048576)", func(s string) error { return parseInt(s, &cfg.MaxBody) })
	fs.DurationVar(&cfg.RequestTimeout, "request-timeout", 30*time.Second, "per-request deadline")
	fs.DurationVar(&cfg.ShutdownTimeout, "shutdown-timeout", 20*time.Second, "how long to drain in-flight requests on SIGTERM")
	fs.StringVar(&cfg.LogLevel, "log-level", get("CIVICPACT_LOG_LEVEL", "info"), "debug, info, warn or error (CIVICPACT_LOG_LEVEL)")
	fs.StringVar(&cfg.LogFormat, "log-format", get("CIVICPACT_LOG_FORMAT", "text"), "text or json (CIVICPACT_LOG_FORMAT)")
	fs.StringVar(&cfg.PprofAddr, "pprof-addr", get("CIVICPACT_PPROF_ADDR", ""), "serve Go's pprof profiles on this loopback address (e.g. 127.0.0.1:6060); empty = off (CIVICPACT_PPROF_ADDR)")
	fs.StringVar(&cfg.SignCert, "sign-cert", get("CIVICPACT_SIGN_CERT", ""), "PEM certificate (then any intermediates) that certifies final contract PDFs; needs -sign-key (CIVICPACT_SIGN_CERT)")
	fs.StringVar(&cfg.SignKey, "sign-key", get("CIVICPACT_SIGN_KEY", ""), "PEM private key (RSA or ECDSA) of -sign-cert (CIVICPACT_SIGN_KEY)")
	cfg.MaxBody = 1 << 20
	if v := env("CIVICPACT_MAX_BODY"); v != "" {
		if err := parseInt(v, &cfg.MaxBody); err != nil {
			cfg.MaxBody = -1 // reported by Validate
		}
	}
}

func parseInt(s string, dst *int64) error {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return errors.New("must be a whole number of bytes")
	}
	*dst = n
	return nil
}

// Validate returns the first problem as one line that says what to fix.
func (c Config) Validate() error {
	if _, port, err := net.SplitHostPort(c.Addr); err != nil || port == "" {
		return fmt.Errorf("CIVICPACT_ADDR %q is not host:port (e.g. 127.0.0.1:8080 or :8080)", c.Addr)
	}
	if c.MongoURI != "" {
		u, err := url.Parse(c.MongoURI)
		if err != nil || (u.Scheme != "mongodb" && u.Scheme != "mongodb+srv") || u.Host == "" {
			return errors.New("MONGODB_URI is not a MongoDB connection string (expected mongodb://host:27017 or mongodb+srv://cluster.example.net)")
		}
		if strings.ContainsAny(c.MongoDB, `/\. "$`) || c.MongoDB == "" {
			return fmt.Errorf("CIVICPACT_MONGODB_DB %q is not a valid database name", c.MongoDB)
		}
	} else if strings.TrimSpace(c.DataDir) == "" {
		return errors.New("CIVICPACT_DATA is empty: give the directory for the embedded database")
	}
	if c.MaxBody < 1024 || c.MaxBody > 1<<30 {
		return errors.New("CIVICPACT_MAX_BODY must be between 1024 and 1073741824 bytes")
	}
	if c.AdminToken != "" && len(c.AdminToken) < 20 {
		return errors.New("CIVICPACT_ADMIN_TOKEN must be at least 20 characters")
	}
	if c.PprofAddr != "" {
		host, _, err := net.SplitHostPort(c.PprofAddr)
		if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
			return fmt.Errorf("CIVICPACT_PPROF_ADDR %q must be a loopback host:port (profiles reveal internals)", c.PprofAddr)
		}
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		return fmt.Errorf("CIVICPACT_LOG_LEVEL %q must be debug, info, warn or error", c.LogLevel)
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return fmt.Errorf("CIVICPACT_LOG_FORMAT %q must be text or json", c.LogFormat)
	}
	if (c.SignCert == "") != (c.SignKey == "") {
		return errors.New("CIVICPACT_SIGN_CERT and CIVICPACT_SIGN_KEY go together: set both to certify final PDFs, or neither")
	}
	return nil
}

// parseConfig reads the serve command's configuration.
func parseConfig(name string, args []string, env func(string) string, stderr io.Writer) (Config, error) {
	var cfg Config
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	configFlags(fs, &cfg, env)
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if err := cfg.Validate(); err != nil {
		return cfg, err
	}
	return cfg, cfg.loadSigner(time.Now())
}
