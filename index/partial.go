package index

import (
	"fmt"
	"strings"
)

// PartialError reports an Index call that stored some articles and not
// others: Failed lists the IDs that were not indexed; every other article of
// the call was. A caller that keeps pending work retries only Failed.
type PartialError struct {
	Failed []string
	Err    error // the reason of the first failure
}

func (e *PartialError) Error() string {
	ids := e.Failed
	more := ""
	if len(ids) > 5 {
		ids, more = ids[:5], fmt.Sprintf(" and %d more", len(e.Failed)-5)
	}
	return fmt.Sprintf("index: %d articles not indexed (%s%s): %v", len(e.Failed), strings.Join(ids, ", "), more, e.Err)
}

func (e *PartialError) Unwrap() error { return e.Err }
