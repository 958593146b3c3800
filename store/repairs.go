package store

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"time"
)

// Repair is one problem found in the data folder and what was done about it.
type Repair struct {
	Time    time.Time `json:"time"`
	Problem string    `json:"problem"`
	Repair  string    `json:"repair"`
}

func (s *Store) repairsPath() string { return filepath.Join(s.dir, "repairs.jsonl") }

// NoteRepair appends a problem and its repair to the data folder's repair
// journal, read by Repairs. A journal that cannot be written loses the note,
// never the repair.
func (s *Store) NoteRepair(problem, repair string) {
	b, err := json.Marshal(Repair{Time: time.Now().UTC().Truncate(time.Second), Problem: problem, Repair: repair})
	if err != nil {
		return
	}
	f, err := os.OpenFile(s.repairsPath(), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return
	}
	f.Write(append(b, '\n'))
	f.Close()
}

// Repairs returns the last n entries of the repair journal, oldest first,
// and how many it holds in all. Lines that do not decode are skipped.
func (s *Store) Repairs(n int) ([]Repair, int) {
	f, err := os.Open(s.repairsPath())
	if err != nil {
		return nil, 0
	}
	defer f.Close()
	var out []Repair
	total := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		var r Repair
		if json.Unmarshal(sc.Bytes(), &r) != nil {
			continue
		}
		total++
		out = append(out, r)
		if len(out) > n {
			out = out[1:]
		}
	}
	return out, total
}
