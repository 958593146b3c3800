package web

import (
	"strings"

	"dxnews/article"
)

// allVoices lists every voice audio may exist in, in UI order.
var allVoices = article.AllVoices()

// timingsURL is where the sentence timings of the reading served at
// mp3URL are: beside it, with the .json extension.
func timingsURL(mp3URL string) string { return strings.TrimSuffix(mp3URL, ".mp3") + ".json" }

// withAudio normalises a and orders its audio records by voice. It is the
// one place the audio URLs the API, pages and feeds show are set, and the
// stored records are their one source of truth: nothing is looked up on
// disk. A record served by this API gets its URL from [article.AudioURL];
// one hosted elsewhere under an absolute URL keeps it; records of unknown
// voices are dropped.
func (s *server) withAudio(a article.Article) article.Article {
	a.Normalize()
	listed := make(map[string]article.Audio, len(a.Audio))
	for _, au := range a.Audio {
		listed[au.Voice] = au
	}
	out := []article.Audio{}
	for _, v := range allVoices {
		au, ok := listed[v.ID]
		if !ok {
			continue
		}
		if !isAbsoluteURL(au.URL) {
			if !validID.MatchString(a.ID) {
				continue
			}
			au.URL = article.AudioURL(a.ID, v.ID)
		}
		out = append(out, au)
	}
	a.Audio = out
	return a
}

func isAbsoluteURL(u string) bool {
	return strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")
}

func findAudio(a article.Article, voice string) (article.Audio, bool) {
	for _, au := range a.Audio {
		if au.Voice == voice {
			return au, true
		}
	}
	return article.Audio{}, false
}
