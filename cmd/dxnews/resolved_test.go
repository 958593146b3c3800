package main

import (
	"net/url"
	"slices"
	"strings"
	"testing"
)

// checkResolvedDemo checks, on the demo site served at base, what
// analysts check: one entry per organisation with its aliases, a role
// timeline in date order, every province's digital-economy goal, and
// outlet names as sources.
func checkResolvedDemo(t *testing.T, base string) {
	t.Helper()
	var orgs struct {
		Entities []struct {
			ID      string   `json:"id"`
			Name    string   `json:"name"`
			Aliases []string `json:"aliases"`
		} `json:"entities"`
	}
	getJSON(t, base+"/api/entities?type=organization&size=100", &orgs)
	n := 0
	for _, o := range orgs.Entities {
		if o.Name == "Bộ Thông tin và Truyền thông" {
			n++
			if !slices.Contains(o.Aliases, "Bộ TT&TT") || o.ID == "" {
				t.Errorf("Bộ Thông tin và Truyền thông: id %q aliases %q", o.ID, o.Aliases)
			}
		}
		if strings.Contains(o.Name, "(TT&TT)") || o.Name == "Bộ TT&TT" {
			t.Errorf("a variant of the ministry is listed on its own: %q", o.Name)
		}
	}
	if n != 1 {
		t.Errorf("Bộ Thông tin và Truyền thông listed %d times, want once", n)
	}

	var people struct {
		Entities []struct {
			Name  string `json:"name"`
			Roles []struct {
				Role      string `json:"role"`
				FirstSeen string `json:"first_seen"`
			} `json:"roles"`
		} `json:"entities"`
	}
	getJSON(t, base+"/api/entities?type=person&q="+url.QueryEscape("Lâm Đình Thắng"), &people)
	if len(people.Entities) != 1 {
		t.Fatalf("Lâm Đình Thắng: %d entities", len(people.Entities))
	}
	tt, kh := -1, -1
	for i, r := range people.Entities[0].Roles {
		if i > 0 && r.FirstSeen < people.Entities[0].Roles[i-1].FirstSeen {
			t.Errorf("roles not in date order: %+v", people.Entities[0].Roles)
		}
		if strings.HasPrefix(r.Role, "Giám đốc Sở Thông tin và Truyền thông") && tt < 0 {
			tt = i
		}
		if strings.HasPrefix(r.Role, "Giám đốc Sở Khoa học và Công nghệ") && kh < 0 {
			kh = i
		}
	}
	if tt < 0 || kh < 0 || tt > kh {
		t.Errorf("want Giám đốc Sở TT&TT before Giám đốc Sở KH&CN: %+v", people.Entities[0].Roles)
	}
	page := get(t, base+"/entities/person/"+url.PathEscape("Lâm Đình Thắng"))
	if i, j := strings.Index(page, "<strong>Giám đốc Sở Thông tin và Truyền thông"), strings.Index(page, "<strong>Giám đốc Sở Khoa học và Công nghệ"); i < 0 || j < i || !strings.Contains(page, `<svg class="chart timeline"`) {
		t.Errorf("the person page does not read as a timeline (TT&TT at %d, KH&CN at %d)", i, j)
	}

	var goals struct {
		Targets []struct {
			Place string `json:"place"`
			Year  string `json:"year"`
			Value string `json:"value"`
		} `json:"targets"`
	}
	getJSON(t, base+"/api/targets?family=digital-economy-share", &goals)
	places := map[string]bool{}
	for _, g := range goals.Targets {
		if g.Year == "" || g.Value == "" {
			t.Errorf("goal without year or value: %+v", g)
		}
		places[g.Place] = true
	}
	// Every province in the demo site that set a digital-economy share.
	for _, p := range []string{"Bình Dương", "Quảng Ninh", "Thái Nguyên", "Thừa Thiên Huế", "Hà Nội", "Nam Định", "TP.HCM", "Đà Nẵng"} {
		if !places[p] {
			t.Errorf("digital-economy comparison lacks %s: %v", p, places)
		}
	}
	if page := get(t, base+"/targets?family=digital-economy-share"); !strings.Contains(page, `<svg class="chart bars"`) || !strings.Contains(page, "Bình Dương · 2025") {
		t.Error("goal comparison page has no chart")
	}

	var res struct {
		Articles []struct {
			Source string `json:"source"`
			Host   string `json:"host"`
		} `json:"articles"`
	}
	getJSON(t, base+"/api/articles?size=1", &res)
	if len(res.Articles) == 0 || res.Articles[0].Source != "Báo Sông Hồng" || !strings.HasPrefix(res.Articles[0].Host, "127.0.0.1") {
		t.Errorf("source should be the outlet's name and host kept apart: %+v", res.Articles)
	}
}
