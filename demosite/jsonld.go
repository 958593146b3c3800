package demosite

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// newsArticle is the schema.org NewsArticle JSON-LD of an article page.
type newsArticle struct {
	Context          string     `json:"@context"`
	Type             string     `json:"@type"`
	MainEntityOfPage string     `json:"mainEntityOfPage"`
	Headline         string     `json:"headline"`
	Description      string     `json:"description"`
	Image            []string   `json:"image"`
	DatePublished    string     `json:"datePublished"`
	DateModified     string     `json:"dateModified"`
	Author           []ldEntity `json:"author"`
	Publisher        ldEntity   `json:"publisher"`
	ArticleSection   string     `json:"articleSection"`
	Keywords         string     `json:"keywords"`
	InLanguage       string     `json:"inLanguage"`
}

type ldEntity struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

func jsonLD(base string, st *story) (string, error) {
	b, err := json.MarshalIndent(newsArticle{
		Context:          "https://schema.org",
		Type:             "NewsArticle",
		MainEntityOfPage: base + st.Path,
		Headline:         st.Title,
		Description:      st.Sapo,
		Image:            []string{base + st.Image},
		DatePublished:    st.Published.In(ict).Format(time.RFC3339),
		DateModified:     st.Modified.In(ict).Format(time.RFC3339),
		Author:           []ldEntity{{Type: "Person", Name: st.Author}},
		Publisher:        ldEntity{Type: "Organization", Name: "Báo Sông Hồng"},
		ArticleSection:   st.Category.Name,
		Keywords:         strings.Join(st.Tags, ", "),
		InLanguage:       "vi",
	}, "", "  ")
	if err != nil {
		return "", fmt.Errorf("demosite: json-ld: %w", err)
	}
	return string(b), nil
}
