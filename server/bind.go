package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/apperr"
)

// Limits on JSON request bodies, beyond the byte limit the body-limit
// middleware enforces (also for chunked bodies).
const (
	maxJSONDepth = 32
	maxJSONArray = 10000
)

// bindJSON decodes the request body into v strictly: JSON content type,
// valid UTF-8, bounded nesting, no unknown fields (no mass assignment), no
// trailing data. Path and query parameters are read separately by handlers,
// never merged into v.
func bindJSON(c echo.Context, v any) error {
	ct := c.Request().Header.Get(echo.HeaderContentType)
	if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != echo.MIMEApplicationJSON {
		return apperr.New(apperr.Invalid, "the body must be JSON, sent with Content-Type: application/json")
	}
	body, err := io.ReadAll(c.Request().Body)
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return apperr.New(apperr.TooLarge, "the request body is over the %d-byte limit", mbe.Limit)
	}
	if err != nil {
		return apperr.Wrap(apperr.Invalid, err, "the request body could not be read")
	}
	return decodeStrict(body, v)
}

// decodeStrict is bindJSON's decoder, split out for fuzzing.
func decodeStrict(body []byte, v any) error {
	if !utf8.Valid(body) {
		return apperr.New(apperr.Invalid, "the body is not valid UTF-8")
	}
	if err := checkShape(body); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return apperr.New(apperr.Invalid, "unexpected data after the JSON value")
	}
	return nil
}

// checkShape rejects, before they are decoded, bodies that are not one JSON
// object, nested deeper than maxJSONDepth, with arrays longer than
// maxJSONArray, or with a control character (NUL included) in a string.
func checkShape(body []byte) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	var counts []int
	for first := true; ; first = false {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return jsonError(err)
		}
		if first && tok != json.Delim('{') {
			return apperr.New(apperr.Invalid, "the body must be a JSON object")
		}
		if s, ok := tok.(string); ok && hasControl(s) {
			return apperr.New(apperr.Invalid, "a JSON string holds a control character (only tab, line feed and carriage return are allowed)")
		}
		if len(counts) > 0 {
			counts[len(counts)-1]++
		}
		switch tok {
		case json.Delim('['), json.Delim('{'):
			counts = append(counts, 0)
			if len(counts) > maxJSONDepth {
				return apperr.New(apperr.Invalid, "the JSON is nested deeper than %d levels", maxJSONDepth)
			}
		case json.Delim(']'), json.Delim('}'):
			counts = counts[:len(counts)-1]
		}
		if len(counts) > 0 && counts[len(counts)-1] > 2*maxJSONArray {
			return apperr.New(apperr.Invalid, "a JSON array or object has more than %d items", maxJSONArray)
		}
	}
}

// hasControl reports whether s holds a C0 control character other than
// tab, line feed and carriage return: none belongs in contract text, and
// NUL in particular truncates strings in C libraries and PDF viewers.
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return true
		}
	}
	return false
}

func jsonError(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return apperr.New(apperr.Invalid, "malformed JSON at byte %d: %s", se.Offset, se.Error())
	case errors.As(err, &te):
		path := te.Field
		if path == "" {
			path = "(body)"
		}
		return apperr.Fields("wrong type in the JSON body", []apperr.FieldError{{Path: path, Message: fmt.Sprintf("must be %s, not %s", te.Type.String(), te.Value)}})
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		field := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return apperr.Fields("unknown field in the JSON body", []apperr.FieldError{{Path: field, Message: "is not a field of this request"}})
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return apperr.New(apperr.Invalid, "the JSON body is empty or cut short")
	}
	return apperr.Wrap(apperr.Invalid, err, "the JSON body could not be decoded")
}

// encodeJSON writes v as indented-free JSON without HTML escaping, so
// French guillemets and ampersands arrive as written.
func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// respond writes v as JSON with status code.
func respond(c echo.Context, code int, v any) error {
	c.Response().Header().Set(echo.HeaderContentType, echo.MIMEApplicationJSONCharsetUTF8)
	c.Response().WriteHeader(code)
	return encodeJSON(c.Response(), v)
}
