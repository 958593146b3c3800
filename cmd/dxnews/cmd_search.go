package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"dxnews/index"
)

// dataFlag defines -index and -data on fs and returns -data.
func dataFlag(e *env, fs *flag.FlagSet) *string {
	e.backend = e.envFlag(fs, varIndex, "search index: "+indexBackends)
	return e.envFlag(fs, varData, "data folder")
}

func runSearch(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	person := fs.String("person", "", "only articles naming this person")
	decision := fs.String("decision", "", "only articles citing this decision number or symbol")
	org := fs.String("org", "", "only articles naming this organisation")
	size := fs.Int("n", 10, "number of results")
	asJSON := fs.Bool("json", false, "print the results as JSON")
	d, err := parseAndOpen(ctx, e, fs, args, modeRead)
	if err != nil {
		return err
	}
	defer d.Close()
	res, err := d.index.Search(ctx, index.Query{
		Text: strings.Join(fs.Args(), " "), Person: *person, Decision: *decision, Org: *org, Size: *size,
	})
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	fmt.Fprintf(e.stdout, "%d articles\n", res.Total)
	for _, a := range res.Articles {
		date := ""
		if !a.Published.IsZero() {
			date = a.Published.Format("2006-01-02")
		}
		fmt.Fprintf(e.stdout, "\n%s  %s  %s\n  %s\n", a.ID, date, a.Source, a.Title)
		var names []string
		for _, p := range a.Entities.People {
			names = append(names, p.Name)
		}
		if len(names) > 0 {
			fmt.Fprintf(e.stdout, "  people: %s\n", strings.Join(names, ", "))
		}
	}
	return nil
}

func runExport(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	dir := dataFlag(e, fs)
	since := fs.String("since", "", "cursor printed by the previous export (default: from the start)")
	limit := fs.Int("limit", 1000, "most articles to write")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *limit <= 0 {
		return usagef("-limit must be positive, got %d", *limit)
	}
	if err := existingData(*dir); err != nil {
		return err
	}
	st, err := openStore(*dir, modeRead, e.indexBackend())
	if err != nil {
		return err
	}
	defer st.Close()
	arts, next, err := st.Since(ctx, *since, *limit)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	for _, a := range arts {
		if err := enc.Encode(a); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stderr, "exported %d articles; next cursor: %s\n", len(arts), next)
	return nil
}
