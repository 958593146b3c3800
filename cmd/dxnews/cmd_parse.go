package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"strings"

	"dxnews/crawler"
)

// provenanceOrder is the order parse prints provenance lines in: the
// profile, then the article record's fields.
var provenanceOrder = []string{"profile", "source", "canonical_url", "title", "sapo", "published", "authors", "section", "tags", "body", "images"}

// runParse prints the article record the crawler makes of a saved page, and
// on stderr which rule or fallback supplied each field.
func runParse(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	pageURL := fs.String("url", "", "the address the page was saved from (required): it chooses the site profile and gives the article its ID")
	config := fs.String("config", e.getenv("DXNEWS_CONFIG"), "sources config file whose source for the URL's host overrides the built-in rule and site name, as in a crawl (env DXNEWS_CONFIG)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *pageURL == "" {
		return usagef("-url is required: the address the page was saved from")
	}
	u, err := url.Parse(*pageURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return usagef("-url %q is not an http or https address", *pageURL)
	}
	var src *crawler.Source
	if *config != "" {
		srcs, err := crawler.LoadConfig(*config)
		if err != nil {
			return err
		}
		src = crawler.SourceFor(srcs, u.Host)
	}
	raw, name, err := readInput(e, fs.Args())
	if err != nil {
		return err
	}
	var rule *crawler.Rule
	if src != nil {
		rule = src.Rule
	}
	a, from, err := crawler.ExplainArticle(strings.NewReader(raw), *pageURL, "", rule)
	if errors.Is(err, crawler.ErrNotArticle) {
		return fmt.Errorf("%s: no article in the page (neither a title nor body text)", name)
	}
	if err != nil {
		return fmt.Errorf("parsing %s: %w", name, err)
	}
	if src != nil && src.SiteName != "" {
		a.Source = src.SiteName
		from["source"] = "config source " + src.Name + " site_name"
	}
	rel := crawler.Score(a)
	a.Relevance = &rel
	writeProvenance(e.stderr, from)
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(a)
}

// writeProvenance prints one line per field: its name and what supplied
// it, "-" when nothing did.
func writeProvenance(w io.Writer, from crawler.Provenance) {
	for _, k := range provenanceOrder {
		v := from[k]
		if v == "" {
			v = "-"
		}
		fmt.Fprintf(w, "%-14s %s\n", k, v)
	}
}
