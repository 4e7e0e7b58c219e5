package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/internal/password"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/records"
	"github.com/civicpact/civicpact/server"
	"github.com/civicpact/civicpact/templates"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// Main is the program: tests run it in-process on 127.0.0.1:0 with a
// temporary data directory, exactly as the binary runs.
type Main struct {
	Stdout, Stderr io.Writer
	Env            func(string) string
	// Listening, if set, receives the bound address once the server accepts.
	Listening chan<- net.Addr
	// Hasher overrides the password hasher (tests use a cheap profile).
	Hasher identity.Hasher
}

func (m *Main) logger(cfg Config) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.LogLevel))
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(m.Stderr, opts))
	}
	return slog.New(slog.NewTextHandler(m.Stderr, opts))
}

// services are the domain services wired over one store.
type services struct {
	log       records.Log
	directory *identity.Directory
	library   *clauses.Library
	templates *templates.Store
	contracts *negotiation.Service
}

func (m *Main) wire(log records.Log) *services {
	hasher := m.Hasher
	if hasher == nil {
		hasher = password.Default
	}
	now := func() time.Time { return time.Now().UTC() }
	lib := &clauses.Library{Log: log, Now: now}
	tpls := &templates.Store{Log: log, Now: now}
	return &services{
		log:       log,
		directory: &identity.Directory{Log: log, Hasher: hasher, Now: now, NewID: newID},
		library:   lib,
		templates: tpls,
		contracts: &negotiation.Service{Log: log, Library: lib, Templates: tpls, Now: now, NewID: newID},
	}
}

// Serve opens the store, bootstraps an empty one, and serves until ctx is
// cancelled; then it stops accepting, drains in-flight requests and closes
// the store (SQLite checkpoints its WAL).
func (m *Main) Serve(ctx context.Context, cfg Config) error {
	logger := m.logger(cfg)
	store, err := openStore(ctx, cfg, logger)
	if err != nil {
		return err
	}
	defer store.Close()
	svc := m.wire(store)
	if err := m.bootstrap(ctx, cfg, svc); err != nil {
		return fmt.Errorf("prepare the store: %w", err)
	}
	srv := server.New(server.Config{MaxBody: cfg.MaxBody, RequestTimeout: cfg.RequestTimeout, Version: version},
		server.Deps{Store: store, Log: store, Directory: svc.directory, Library: svc.library, Templates: svc.templates, Contracts: svc.contracts, Now: func() time.Time { return time.Now().UTC() },
			Signer: cfg.pdfSigner()}, logger)
	if cfg.signer != nil {
		logger.Info("final contract PDFs are certified", "subject", cfg.signer.Subject(), "not_after", cfg.signer.NotAfter())
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (set CIVICPACT_ADDR to a free address)", cfg.Addr, err)
	}
	hs := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      cfg.RequestTimeout + 30*time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	logger.Info("civicpact listening", "addr", ln.Addr().String(), "store", storeName(cfg), "version", version)
	if m.Listening != nil {
		m.Listening <- ln.Addr()
	}
	if cfg.PprofAddr != "" {
		defer servePprof(cfg.PprofAddr, logger).Close()
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down: draining requests")
	sctx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

func storeName(cfg Config) string {
	if cfg.MongoURI != "" {
		return "mongodb"
	}
	return "sqlite:" + cfg.DataDir
}

// newID returns prefix_ followed by 20 random hex characters.
func newID(prefix string) string {
	var b [10]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return prefix + "_" + hex.EncodeToString(b[:])
}
