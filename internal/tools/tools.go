//go:build tools

// Package tools pins modules the build needs before their first import lands.
package tools

import (
	_ "github.com/FerretDB/FerretDB/ferretdb"
	_ "github.com/chromedp/chromedp"
	_ "github.com/go-fonts/liberation/liberationserifregular"
	_ "github.com/go-pdf/fpdf"
	_ "github.com/goccy/go-yaml"
	_ "github.com/labstack/echo/v4"
	_ "github.com/prometheus/client_golang/prometheus"
	_ "github.com/sergi/go-diff/diffmatchpatch"
	_ "go.mongodb.org/mongo-driver/v2/mongo"
	_ "golang.org/x/crypto/argon2"
	_ "modernc.org/sqlite"
)
