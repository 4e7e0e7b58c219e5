package sqlite_test

import "time"

var testTime = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
