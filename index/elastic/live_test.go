package elastic

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"dxnews/index"
	"dxnews/index/indextest"

	"github.com/elastic/go-elasticsearch/v8/esapi"
)

// skipLive explains how to run the live suite.
const skipLive = "set DXNEWS_ES_URL to run against a live cluster, e.g. " +
	"docker run -d -p 9200:9200 -e discovery.type=single-node -e xpack.security.enabled=false " +
	"docker.elastic.co/elasticsearch/elasticsearch:8.15.0 and DXNEWS_ES_URL=http://127.0.0.1:9200 go test ./index/elastic -run Live"

var liveSeq atomic.Int64

// liveConfig returns the cluster configuration from the environment, with
// a prefix of its own so tests never touch real data.
func liveConfig(t testing.TB) Config {
	url := os.Getenv("DXNEWS_ES_URL")
	if url == "" {
		t.Skip(skipLive)
	}
	return Config{
		Addresses: strings.Split(url, ","),
		Username:  os.Getenv("DXNEWS_ES_USERNAME"),
		Password:  os.Getenv("DXNEWS_ES_PASSWORD"),
		APIKey:    os.Getenv("DXNEWS_ES_API_KEY"),
		Prefix:    fmt.Sprintf("dxnews-test-%d-%d", time.Now().UnixNano(), liveSeq.Add(1)),
	}
}

// openLive opens a fresh index set under a unique prefix and removes it,
// with its templates, when t ends.
func openLive(t testing.TB) *Index {
	cfg := liveConfig(t)
	i, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatalf("open live cluster: %v", err)
	}
	t.Cleanup(func() {
		ctx := context.Background()
		es := i.es
		_, _ = esapi.IndicesDeleteRequest{Index: []string{cfg.Prefix + "-*"}}.Do(ctx, es)
		_, _ = esapi.IndicesDeleteIndexTemplateRequest{Name: cfg.Prefix + "-articles"}.Do(ctx, es)
		_, _ = esapi.IndicesDeleteIndexTemplateRequest{Name: cfg.Prefix + "-entities"}.Do(ctx, es)
		i.Close()
	})
	return i
}

func TestLiveSuite(t *testing.T) {
	liveConfig(t)
	indextest.Run(t, func(t *testing.T) index.Indexer { return openLive(t) })
}
