package tts

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"dxnews/tts/normalize"
)

// chunk is one backend request and the sentences (or parts of sentences)
// it carries.
type chunk struct {
	text   string
	pieces []piece
}

// piece is the part of one sentence inside a chunk. weight is its share of
// the chunk's characters, by which the chunk's duration is apportioned.
type piece struct {
	sentence  int
	paragraph int    // of the sentence in the spoken text; -1 unknown
	text      string // the whole sentence, used for its timing
	weight    int
}

// plan splits spoken text into sentences and chunks. The first sentence is
// a chunk of its own so that the first audio arrives quickly.
func (s *Speaker) plan(spoken string) ([]chunk, error) {
	// Sentences never cross a blank line, so splitting paragraph by
	// paragraph gives the same sentences and says where each belongs.
	var sents []string
	var paras []int
	for pi, para := range strings.Split(spoken, "\n\n") {
		for _, t := range normalize.Sentences(para) {
			if t = strings.TrimSpace(t); t != "" {
				sents = append(sents, t)
				paras = append(paras, pi)
			}
		}
	}
	if len(sents) == 0 {
		sents, paras = []string{spoken}, []int{0}
	}
	max := s.maxChunk()
	texts := normalize.Chunk(sents[:1], max, s.size)
	if len(sents) > 1 {
		texts = append(texts, normalize.Chunk(sents[1:], max, s.size)...)
	}
	var kept []string
	for i, t := range texts {
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		if n := s.size(t); n > max {
			return nil, fmt.Errorf("chunk %d has size %d, over the limit %d", i, n, max)
		}
		kept = append(kept, t)
	}
	if len(kept) == 0 {
		return nil, fmt.Errorf("no chunks to synthesise")
	}
	chunks := align(sents, kept)
	for ci := range chunks {
		for pi := range chunks[ci].pieces {
			p := &chunks[ci].pieces[pi]
			if p.paragraph >= 0 {
				p.paragraph = paras[p.sentence]
			}
		}
	}
	return chunks, nil
}

// align maps chunk texts back onto sentences by walking both as streams of
// non-space characters. If the chunker changed the text so that they no
// longer match, every chunk is timed as one unit instead.
func align(sents, texts []string) []chunk {
	type mark struct {
		r    rune
		sent int
	}
	var flat []mark
	for i, s := range sents {
		for _, r := range s {
			if !unicode.IsSpace(r) {
				flat = append(flat, mark{r, i})
			}
		}
	}
	chunks := make([]chunk, len(texts))
	pos := 0
	ok := true
	for ci, t := range texts {
		chunks[ci].text = t
		for _, r := range t {
			if unicode.IsSpace(r) {
				continue
			}
			if pos >= len(flat) || flat[pos].r != r {
				ok = false
				break
			}
			si := flat[pos].sent
			ps := chunks[ci].pieces
			if len(ps) == 0 || ps[len(ps)-1].sentence != si {
				chunks[ci].pieces = append(ps, piece{sentence: si, text: sents[si]})
			}
			chunks[ci].pieces[len(chunks[ci].pieces)-1].weight++
			pos++
		}
		if !ok {
			break
		}
	}
	if ok && pos == len(flat) {
		return chunks
	}
	for ci, t := range texts {
		chunks[ci] = chunk{text: t, pieces: []piece{{sentence: ci, paragraph: -1, text: t, weight: 1}}}
	}
	return chunks
}

// timeSentences places every sentence on the joined audio's time line: each
// chunk starts where the previous ended, and a chunk's duration is shared
// among its sentences by character count. A sentence split across chunks
// runs from its first part's start to its last part's end.
func timeSentences(chunks []chunk, durs []time.Duration) ([]Timing, time.Duration) {
	var out []Timing
	last := -1
	var off time.Duration
	for ci, c := range chunks {
		d := durs[ci]
		total := 0
		for _, p := range c.pieces {
			total += p.weight
		}
		cum := 0
		for pi, p := range c.pieces {
			start := off + time.Duration(int64(d)*int64(cum)/int64(max(total, 1)))
			cum += p.weight
			end := off + time.Duration(int64(d)*int64(cum)/int64(max(total, 1)))
			if pi == len(c.pieces)-1 {
				end = off + d
			}
			if p.sentence == last && len(out) > 0 {
				out[len(out)-1].EndMS = end.Milliseconds()
				continue
			}
			out = append(out, Timing{StartMS: start.Milliseconds(), EndMS: end.Milliseconds(), Text: p.text, Paragraph: p.paragraph})
			last = p.sentence
		}
		off += d
	}
	return out, off
}
