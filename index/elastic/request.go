package elastic

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/elastic/go-elasticsearch/v8"
	"github.com/elastic/go-elasticsearch/v8/esapi"
)

// do performs req with the request timeout and decodes a 2xx answer into
// out (when not nil). Errors are *ResponseError for error answers, wrap
// ErrUnavailable when the cluster could not be reached, and are ctx's error
// when ctx ended.
func (i *Index) do(ctx context.Context, req esapi.Request, out any) error {
	return i.doWith(ctx, i.es, req, out)
}

func (i *Index) doWith(ctx context.Context, es *elasticsearch.Client, req esapi.Request, out any) error {
	rctx, cancel := context.WithTimeout(ctx, i.cfg.Timeout)
	defer cancel()
	res, err := req.Do(rctx, es)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if strings.Contains(err.Error(), "not Elasticsearch") || strings.Contains(err.Error(), "unknown product") {
			return err
		}
		return fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("%w: reading the answer: %w", ErrUnavailable, err)
	}
	if res.IsError() {
		return responseError(res.StatusCode, body)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("elastic: decode answer: %w", err)
	}
	return nil
}

func jsonBody(v any) io.Reader {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only maps of plain values are passed
	}
	return bytes.NewReader(b)
}
