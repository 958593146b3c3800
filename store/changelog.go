package store

import (
	"bufio"
	"encoding/hex"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

// The change log, articles.log, has one "<seq>\t<id>" line per stored
// version, seq rising. The store holds it in memory as a logIndex, read
// once when the store opens and extended on each append, so that paging
// through the changes after a cursor costs what the page holds, not the
// log's length. Each change takes 16 bytes, and each article a map entry.

// maxSeq bounds change-log sequence numbers far above any real store's, so
// that the next number never overflows; a larger one is a damaged line.
const maxSeq = 1 << 53

// logID is an article ID (16 hex digits) in its 8 bytes.
type logID [8]byte

func parseLogID(id string) (logID, bool) {
	var x logID
	if !validID.MatchString(id) {
		return x, false
	}
	hex.Decode(x[:], []byte(id))
	return x, true
}

func (x logID) String() string { return hex.EncodeToString(x[:]) }

type logEntry struct {
	seq int64
	id  logID
}

// logIndex is the change log in memory.
type logIndex struct {
	entries []logEntry // seq rising
	// latest maps each article to the position in entries of its latest
	// change.
	latest map[logID]int
	// size is the length of the log's well-formed prefix read so far,
	// up to its last complete line.
	size int64
	// file is the log file read, so a reader notices it was replaced.
	file os.FileInfo
}

// head returns the sequence number of the latest change, 0 for none.
func (x *logIndex) head() int64 {
	if len(x.entries) == 0 {
		return 0
	}
	return x.entries[len(x.entries)-1].seq
}

func (x *logIndex) add(seq int64, id logID) {
	if x.latest == nil {
		x.latest = map[logID]int{}
	}
	x.latest[id] = len(x.entries)
	x.entries = append(x.entries, logEntry{seq, id})
}

// after returns the position of the first change after seq.
func (x *logIndex) after(seq int64) int {
	return sort.Search(len(x.entries), func(i int) bool { return x.entries[i].seq > seq })
}

// isLatest reports whether the change at position i is its article's
// latest.
func (x *logIndex) isLatest(i int) bool { return x.latest[x.entries[i].id] == i }

// latestAfter returns up to limit changes after seq that are their
// article's latest, oldest first; limit < 0 means all of them.
func (x *logIndex) latestAfter(seq int64, limit int) []logEntry {
	var out []logEntry
	for i := x.after(seq); i < len(x.entries) && len(out) != limit; i++ {
		if x.isLatest(i) {
			out = append(out, x.entries[i])
		}
	}
	return out
}

// read adds the complete lines of r, the log from x.size on, and returns
// how many of them were damaged: not "<seq>\t<id>" with seq above the
// line before's. A torn last line, without its newline, is left unread.
func (x *logIndex) read(r io.Reader) (bad int) {
	br := bufio.NewReader(r)
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return bad // EOF, or a torn line without its newline
		}
		x.size += int64(len(line))
		seqStr, idStr, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		seq, perr := strconv.ParseInt(seqStr, 10, 64)
		id, idOK := parseLogID(idStr)
		if !ok || perr != nil || !idOK || seq <= x.head() || seq > maxSeq {
			bad++
			continue
		}
		x.add(seq, id)
	}
}

// String returns the log's good lines, as a repaired log holds them.
func (x *logIndex) String() string {
	var b strings.Builder
	for _, e := range x.entries {
		b.WriteString(strconv.FormatInt(e.seq, 10))
		b.WriteByte('\t')
		b.WriteString(e.id.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// readLogFile reads the change log at path into a new index and returns
// how many of its lines were damaged. A missing log is an empty one.
func readLogFile(path string) (logIndex, int, error) {
	var x logIndex
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return x, 0, nil
	}
	if err != nil {
		return x, 0, err
	}
	defer f.Close()
	if x.file, err = f.Stat(); err != nil {
		return x, 0, err
	}
	return x, x.read(f), nil
}
