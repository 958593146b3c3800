package extract

import (
	"dxnews/article"
	"sort"
	"strings"
)

// orgEntry is one organisation gathered from its mentions.
type orgEntry struct {
	name   string
	key    []string
	joined string // key joined by keySep
	toks   int
	from   int // the mention whose key is key
	ms     []article.Mention
	idx    int // order of creation
	gone   bool
}

// organizations turns organisation mentions into one entry per entity, in
// its most complete written form. Mentions are matched by key through maps
// from each key and each of its prefixes, so the cost grows with the number
// of mentions, not with its square.
func (d *doc) organizations(orgs []orgSpan, skip []bool) []article.Organization {
	keys := make([][]string, len(orgs))
	joined := make([]string, len(orgs))
	d.orgMentionKeys(orgs, skip, keys, joined)
	m := orgMerge{
		amb:      ambiguousPrefixes(keys, joined),
		joined:   joined,
		byKey:    make(map[string]*orgEntry, len(orgs)),
		byPrefix: make(map[string]*orgEntry, 2*len(orgs)),
	}
	var list []*orgEntry
	for x, o := range orgs {
		if keys[x] == nil {
			continue
		}
		ment := article.Mention{Start: int(d.toks[o.start].start), End: int(d.toks[o.end-1].end)}
		list = m.add(list, x, keys[x], joined[x], d.orgName(o.start, o.end), o.end-o.start, ment)
	}
	mergeUnitWords(list)
	mergeShortNames(list)
	out := make([]article.Organization, 0, len(list))
	for _, a := range list {
		if a.gone {
			continue
		}
		sort.Slice(a.ms, func(i, j int) bool { return a.ms[i].Start < a.ms[j].Start })
		out = append(out, article.Organization{Name: a.name, Mentions: a.ms})
	}
	return out
}

// orgMentionKeys sets the key of each mention in keys and the key joined
// by keySep in joined; the key stays nil for mentions that are not reported
// (skipped text, inside a person's name, a bare committee reference,
// "Thủ tướng Chính phủ" as a title). A mention of the Prime Minister's
// office is widened in orgs to take in "Thủ tướng".
func (d *doc) orgMentionKeys(orgs []orgSpan, skip []bool, keys [][]string, joined []string) {
	for x, o := range orgs {
		if skip[o.start] || d.inName(o.start) || o.end <= o.headEnd && o.committee != 0 {
			continue
		}
		if d.is(o.start, "chính") && d.isAny(o.start-1, "tướng") {
			if !d.primeMinisterOffice(o.start-2, o.end) {
				continue
			}
			o.start -= 2
			orgs[x] = o
		}
		keys[x] = orgKey(d.orgKeys(o.start, o.end))
		joined[x] = strings.Join(keys[x], keySep)
	}
}

// primeMinisterOffice reports whether "Thủ tướng Chính phủ" at [s, e)
// names the office that issues and receives documents ("Quyết định … của
// Thủ tướng Chính phủ", "báo cáo Thủ tướng Chính phủ") rather than a
// person's title: not after "Phó" or an apposition's comma or dash, and
// not before a name.
func (d *doc) primeMinisterOffice(s, e int) bool {
	if !d.seq(s, "thủ tướng") || d.is(s-1, "phó") || d.punct(s-1, ",") || d.isDash(s-1) || d.punct(s-1, "(") {
		return false
	}
	return d.nameLen(e) == 0 && d.nameLen(e+d.honorificAt(e)) == 0
}
