package identity

import (
	"context"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/records"
)

// SetLang records a user's preferred UI language ("en" or "fr") as a new
// snapshot of the user's stream. Setting the language the user already has
// appends nothing.
func (d *Directory) SetLang(ctx context.Context, userID, lang string) error {
	if lang != "en" && lang != "fr" {
		return apperr.Fields("invalid language", []apperr.FieldError{{Path: "lang", Message: `must be "en" or "fr"`}})
	}
	last, err := d.Log.Last(ctx, "user/"+userID)
	if apperr.Is(err, apperr.NotFound) {
		return apperr.New(apperr.NotFound, "no such user")
	}
	if err != nil {
		return err
	}
	var u User
	if err := records.Decode(last, &u); err != nil {
		return err
	}
	if u.Lang == lang {
		return nil
	}
	u.Lang = lang
	_, err = records.Append(ctx, d.Log, last, last.Stream, d.Now(), u)
	return err
}
