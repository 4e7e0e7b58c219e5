package mongodb

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/x/mongo/driver/topology"

	"github.com/civicpact/civicpact/apperr"
)

// translate turns a driver error into an apperr kind at the adapter
// boundary, keeping the driver error as the cause. what says what the
// adapter was doing, in words safe to show a user.
func translate(ctx context.Context, err error, what string) error {
	switch {
	case errors.Is(err, mongo.ErrNoDocuments):
		return apperr.Wrap(apperr.NotFound, err, "not found")
	case mongo.IsDuplicateKeyError(err):
		return apperr.Wrap(apperr.Conflict, err, "a record with this sequence number already exists")
	case unreachable(ctx, err):
		return apperr.Wrap(apperr.Unavailable, err, "the database is unavailable: could not %s", what)
	default:
		return apperr.Wrap(apperr.Internal, err, "could not %s", what)
	}
}

// unreachable reports whether err means the server could not be reached or
// did not answer in time (including the caller's context ending), as
// opposed to the server refusing the operation.
func unreachable(ctx context.Context, err error) bool {
	return ctx.Err() != nil ||
		errors.Is(err, context.Canceled) ||
		errors.Is(err, mongo.ErrClientDisconnected) ||
		errors.As(err, &topology.ServerSelectionError{}) ||
		errors.As(err, &topology.ConnectionError{}) ||
		mongo.IsNetworkError(err) ||
		mongo.IsTimeout(err)
}
