package elastic

import (
	"context"
	"fmt"

	"github.com/elastic/go-elasticsearch/v8/esapi"
)

// Check contacts the cluster and makes sure the templates, the indices and
// their aliases exist, creating what is missing. A wrong URL, bad
// credentials and an unreachable cluster each give one error saying which;
// only the last wraps ErrUnavailable.
func (i *Index) Check(ctx context.Context) error {
	i.mu.Lock()
	defer i.mu.Unlock()
	if i.closed {
		return ErrClosed
	}
	if i.ready {
		return nil
	}
	if err := i.setup(ctx); err != nil {
		return err
	}
	i.ready = true
	return nil
}

// Health is the cluster's health as _cluster/health reports it.
type Health struct {
	Cluster string `json:"cluster_name"`
	Status  string `json:"status"` // green, yellow or red
	Nodes   int    `json:"number_of_nodes"`
}

// Health asks the cluster for its health.
func (i *Index) Health(ctx context.Context) (Health, error) {
	var h Health
	if err := ctx.Err(); err != nil {
		return h, err
	}
	if err := i.do(ctx, esapi.ClusterHealthRequest{}, &h); err != nil {
		return h, fmt.Errorf("elastic: cluster health: %w", err)
	}
	return h, nil
}

// ClusterHealth returns the cluster's status: green, yellow or red.
func (i *Index) ClusterHealth(ctx context.Context) (string, error) {
	h, err := i.Health(ctx)
	return h.Status, err
}
