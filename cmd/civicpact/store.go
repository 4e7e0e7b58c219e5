package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/civicpact/civicpact/records"
	"github.com/civicpact/civicpact/storage/mongodb"
	"github.com/civicpact/civicpact/storage/sqlite"
)

// openStore opens the configured store: MongoDB when MONGODB_URI is set,
// the embedded SQLite file otherwise.
func openStore(ctx context.Context, cfg Config, logger *slog.Logger) (records.Log, error) {
	if cfg.MongoURI == "" {
		return sqlite.Open(ctx, cfg.DataDir)
	}
	octx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	log, err := mongodb.Open(octx, cfg.MongoURI, cfg.MongoDB, logger)
	if err != nil {
		return nil, fmt.Errorf("MONGODB_URI: cannot use the database: %w", err)
	}
	return log, nil
}
