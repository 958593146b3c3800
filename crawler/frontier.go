package crawler

import (
	"regexp"
	"strings"
)

// articleURL matches the article addresses of Vietnamese news sites: a long
// numeric ID before .htm/.html/.ldo, or a "post" ID.
var articleURL = regexp.MustCompile(`(\d{5,}\.(html?|ldo|vnp|aspx?)$)|(-post\d+\.html?$)|(/\d{6,}/?$)`)

// likelyArticle reports whether a URL looks like an article page.
func likelyArticle(u string) bool {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	return articleURL.MatchString(u)
}

// enqueue puts a URL on the frontier once per run, recording it in the state
// so a killed run resumes it.
func (r *run) enqueue(j job) {
	if j.url == "" || !looksFetchable(j.url) {
		return
	}
	if _, ok := r.allowed[hostOf(j.url)]; !ok {
		return
	}
	// An article a sitemap dates no later than our copy needs no request,
	// and no place on the frontier: a sitemap listing years of history
	// costs this run no memory for what has not changed. (A URL listed
	// twice is counted unchanged twice.)
	if !j.lastmod.IsZero() && !j.seed {
		if prev, ok := r.st.get(j.url); ok && prev.readArticle(j.lastmod) {
			r.count(func(s *Stats) { s.Unchanged++ })
			return
		}
	}
	r.mu.Lock()
	if r.seen[j.url] {
		r.mu.Unlock()
		return
	}
	r.seen[j.url] = true
	if j.seed || !j.lastmod.IsZero() || j.feedItem || likelyArticle(j.url) {
		r.queue = append(r.queue, j)
	} else {
		r.later = append(r.later, j)
	}
	r.wake.Signal()
	r.mu.Unlock()
	r.abortOn(r.st.MarkSeen(j.url))
}

// next blocks until a job is available or the crawl is over.
func (r *run) next() (job, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for {
		if r.stopped {
			return job{}, false
		}
		if len(r.queue)+len(r.later) > 0 {
			if max := r.c.cfg.MaxPages; max > 0 && r.dispatched >= max {
				r.stopped = true
				r.wake.Broadcast()
				return job{}, false
			}
			q := &r.queue
			if len(r.queue) == 0 {
				q = &r.later
			}
			j := (*q)[0]
			(*q)[0] = job{}
			*q = (*q)[1:]
			r.inflight++
			r.dispatched++
			return j, true
		}
		if r.inflight == 0 {
			r.stopped = true
			r.wake.Broadcast()
			return job{}, false
		}
		r.wake.Wait()
	}
}

func (r *run) done() {
	r.mu.Lock()
	r.inflight--
	r.wake.Broadcast()
	r.mu.Unlock()
}
