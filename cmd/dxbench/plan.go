package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
)

// plan holds the requests to make, found by asking the server.
type plan struct {
	searches, entities, pages []string
	audio                     string
	audioSize                 int64
}

func discover(ctx context.Context, client *http.Client, base string) (plan, error) {
	var p plan
	var list struct {
		Articles []struct {
			ID    string `json:"id"`
			Audio []struct {
				URL   string `json:"url"`
				Bytes int64  `json:"bytes"`
			} `json:"audio"`
		} `json:"articles"`
	}
	if err := getJSON(ctx, client, base+"/api/articles?size=100", &list); err != nil {
		return p, err
	}
	for _, a := range list.Articles {
		p.pages = append(p.pages, "/articles/"+a.ID)
		for _, au := range a.Audio {
			if p.audio == "" && strings.HasPrefix(au.URL, "/") && au.Bytes > 2*rangeBytes {
				p.audio, p.audioSize = au.URL, au.Bytes
			}
		}
	}
	if len(p.pages) == 0 {
		return p, errors.New("the server lists no articles")
	}
	p.pages = p.pages[:min(len(p.pages), 40)]
	var ents struct {
		Entities []struct {
			Name string `json:"name"`
		} `json:"entities"`
	}
	if err := getJSON(ctx, client, base+"/api/entities?type=person&size=20", &ents); err != nil {
		return p, err
	}
	texts := []string{"chuyen doi so", "chuyển đổi số", "chinh quyen so", "đô thị thông minh", "kinh te so", "dich vu cong truc tuyen", "du lieu", "ha tang"}
	for _, t := range texts {
		p.searches = append(p.searches, "/api/articles?q="+url.QueryEscape(t))
	}
	for k, e := range ents.Entities {
		p.searches = append(p.searches, "/api/articles?person="+url.QueryEscape(e.Name))
		p.entities = append(p.entities, "/api/entities?type=person&q="+url.QueryEscape(lastWords(e.Name, 2)))
		if k%2 == 0 {
			p.searches = append(p.searches, "/api/articles?q="+url.QueryEscape(texts[k%len(texts)])+"&person="+url.QueryEscape(e.Name))
		}
	}
	p.searches = append(p.searches, "/api/articles?from=2024-01-01&to=2024-12-31", "/api/articles?q=chuyen+doi+so&facets=people,organizations,decisions,sources")
	p.entities = append(p.entities, "/api/entities?type=person", "/api/entities?type=organization", "/api/entities?type=decision&q=quyet+dinh")
	return p, nil
}

func lastWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[max(0, len(f)-n):], " ")
}

// get fetches u, returning the response only when it is a 200; the
// caller closes its body.
func get(ctx context.Context, client *http.Client, u string) (*http.Response, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	return resp, nil
}

func getJSON(ctx context.Context, client *http.Client, u string, v any) error {
	resp, err := get(ctx, client, u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}

func download(ctx context.Context, client *http.Client, u, to string) error {
	resp, err := get(ctx, client, u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	f, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, resp.Body); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
