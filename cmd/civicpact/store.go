package main

import (
	"context"
	"errors"
	"log/slog"

	"github.com/civicpact/civicpact/records"
	"github.com/civicpact/civicpact/storage/sqlite"
)

// openStore opens the configured store: MongoDB when MONGODB_URI is set,
// the embedded SQLite file otherwise.
func openStore(ctx context.Context, cfg Config, logger *slog.Logger) (records.Log, error) {
	if cfg.MongoURI != "" {
		return nil, errors.New("MONGODB_URI: the MongoDB adapter is not wired into this build yet")
	}
	return sqlite.Open(ctx, cfg.DataDir)
}
