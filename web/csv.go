package web

import (
	"encoding/csv"
	"net/http"
)

// CSV downloads are UTF-8 with a byte-order mark, so spreadsheet programs
// open Vietnamese text correctly.

func (s *server) writeCSV(w http.ResponseWriter, name string, header []string, rows [][]string) {
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.WriteHeader(http.StatusOK)
	w.Write([]byte("\uFEFF"))
	cw := csv.NewWriter(w)
	cw.Write(header)
	cw.WriteAll(rows)
}
