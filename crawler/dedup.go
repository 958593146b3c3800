package crawler

import "strconv"

// outcome is what the crawl does with a parsed article page.
type outcome int

const (
	// outcomeEmit: a new article, or a new version of one: emitted.
	outcomeEmit outcome = iota
	// outcomeUnchanged: the same content as the stored copy.
	outcomeUnchanged
	// outcomeDuplicate: another address of a stored article (AMP, print,
	// tracking parameters), or the same content under another ID.
	outcomeDuplicate
	// outcomeNearDuplicate: a new ID whose SimHash is within
	// nearDupDistance of a stored article's (a syndicated copy).
	outcomeNearDuplicate
	// outcomeOffTopic: below the relevance threshold; recorded, not emitted.
	outcomeOffTopic
)

// String is the outcome's name, as Stats.Skipped counts it.
func (o outcome) String() string {
	switch o {
	case outcomeEmit:
		return "emit"
	case outcomeUnchanged:
		return "unchanged"
	case outcomeDuplicate:
		return "duplicate"
	case outcomeNearDuplicate:
		return "near-duplicate"
	case outcomeOffTopic:
		return "off-topic"
	}
	return "outcome(" + strconv.Itoa(int(o)) + ")"
}

// count adds the outcome to a run's stats (the article itself is counted
// by the caller).
func (o outcome) count(s *Stats) {
	switch o {
	case outcomeUnchanged:
		s.Unchanged++
	case outcomeDuplicate, outcomeNearDuplicate:
		s.Skipped[o.String()]++
	case outcomeOffTopic:
		s.Skipped[o.String()]++
		s.Dropped++
	}
}

// known is what the state knows about an article about to be handled.
type known struct {
	// prev is the stored entry of the article's ID, when haveID.
	prev   idEntry
	haveID bool
	// hashOwner is the ID of the article holding the same content hash.
	hashOwner string
	// near is the ID of another article whose SimHash is within
	// nearDupDistance.
	near string
}

// decide is the dedup rule: what to do with rec, the done record of an
// article, given what the state knows and whether the article is relevant.
func decide(rec record, k known, relevant bool) outcome {
	switch {
	case k.haveID && k.prev.URL != rec.URL:
		// Another address of an article already stored (AMP, print, a
		// link with different parameters): the canonical URL says so.
		return outcomeDuplicate
	case k.haveID && k.prev.Hash == rec.Hash:
		return outcomeUnchanged
	case k.hashOwner != "" && k.hashOwner != rec.ID:
		return outcomeDuplicate
	case k.near != "" && !k.haveID:
		return outcomeNearDuplicate
	case !relevant:
		return outcomeOffTopic
	}
	return outcomeEmit
}
