package elastic

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/elastic/go-elasticsearch/v8/esapi"
)

// info is the part of the root endpoint's answer dxnews reads.
type info struct {
	ClusterName string `json:"cluster_name"`
	Version     struct {
		Number string `json:"number"`
	} `json:"version"`
}

func (i *Index) setup(ctx context.Context) error {
	var in info
	if err := i.doWith(ctx, i.probe, esapi.InfoRequest{}, &in); err != nil {
		return i.startError(err)
	}
	if major, _, _ := strings.Cut(in.Version.Number, "."); len(major) == 1 && major < "8" {
		return fmt.Errorf("elastic: %s runs Elasticsearch %s; dxnews needs 8.x", i.display, in.Version.Number)
	}
	for _, t := range []struct {
		name string
		body map[string]any
	}{
		{i.n.articlesTemplate(), articlesTemplate(i.n)},
		{i.n.entitiesTemplate(), entitiesTemplate(i.n)},
	} {
		if err := i.do(ctx, esapi.IndicesPutIndexTemplateRequest{Name: t.name, Body: jsonBody(t.body)}, nil); err != nil {
			return fmt.Errorf("elastic: install index template %s: %w", t.name, err)
		}
	}
	for _, a := range []struct {
		alias string
		first string
	}{
		{i.n.articlesAlias(), i.n.articlesIndex(1)},
		{i.n.entitiesAlias(), i.n.entitiesIndex(1)},
	} {
		cur, err := i.aliasTarget(ctx, a.alias)
		if err != nil {
			return err
		}
		if a.alias == i.n.articlesAlias() {
			i.gen = max(generation(cur), 1)
		}
		if cur != "" {
			continue
		}
		err = i.do(ctx, esapi.IndicesCreateRequest{Index: a.first, Body: jsonBody(createBody(a.alias))}, nil)
		if err != nil && !isType(err, "resource_already_exists_exception") {
			return fmt.Errorf("elastic: create index %s: %w", a.first, err)
		}
		i.logger.Info("index created", "index", a.first, "alias", a.alias)
	}
	i.logger.Debug("cluster ready", "cluster", in.ClusterName, "version", in.Version.Number)
	return nil
}

// startError turns a failure of the first request into a message saying
// what is wrong.
func (i *Index) startError(err error) error {
	var re *ResponseError
	switch {
	case errors.As(err, &re) && re.Status == http.StatusUnauthorized:
		return fmt.Errorf("elastic: %s rejected the credentials (401 %s): check the username and password or API key", i.display, re.Type)
	case errors.As(err, &re) && re.Status == http.StatusForbidden:
		return fmt.Errorf("elastic: %s refused access (403 %s): the user needs the monitor privilege and manage on the %s-* indices", i.display, re.Type, i.n.prefix)
	case strings.Contains(err.Error(), "not Elasticsearch") || strings.Contains(err.Error(), "unknown product"):
		return fmt.Errorf("elastic: %s is not an Elasticsearch server (wrong URL?)", i.display)
	case errors.As(err, &re) && re.Status == http.StatusNotFound:
		return fmt.Errorf("elastic: %s answered 404 at its root: not an Elasticsearch server (wrong URL?)", i.display)
	case errors.Is(err, ErrUnavailable):
		return fmt.Errorf("elastic: cannot reach the cluster at %s: %w", i.display, err)
	}
	return fmt.Errorf("elastic: %s: %w", i.display, err)
}

// aliasTarget returns the index the alias writes to, or "" when the alias
// does not exist.
func (i *Index) aliasTarget(ctx context.Context, alias string) (string, error) {
	var got map[string]struct {
		Aliases map[string]struct {
			IsWriteIndex *bool `json:"is_write_index"`
		} `json:"aliases"`
	}
	err := i.do(ctx, esapi.IndicesGetAliasRequest{Name: []string{alias}}, &got)
	var re *ResponseError
	if errors.As(err, &re) && re.Status == http.StatusNotFound {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("elastic: read alias %s: %w", alias, err)
	}
	best := ""
	for name, a := range got {
		w := a.Aliases[alias].IsWriteIndex
		if (w != nil && *w) || best == "" || (w == nil && generation(name) > generation(best)) {
			best = name
		}
	}
	return best, nil
}
