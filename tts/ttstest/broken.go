package ttstest

import (
	"net"
	"net/http"
	"strconv"
	"time"
)

// Broken answers: handlers for a fake service that fail the way networks
// and overloaded services do.

// A Fault answers one request brokenly.
type Fault func(w http.ResponseWriter)

// Times answers the first k requests (n = 1 … k) with fault and lets the
// service answer the later ones: a hook for a fake's nth request, such as
// an ErrorCase's Answer.
func Times(k int, fault Fault) func(w http.ResponseWriter, n int) bool {
	return func(w http.ResponseWriter, n int) bool {
		if n <= k {
			fault(w)
		}
		return n <= k
	}
}

// Always answers every request with fault.
func Always(fault Fault) func(w http.ResponseWriter, n int) bool {
	return func(w http.ResponseWriter, _ int) bool {
		fault(w)
		return true
	}
}

// Status answers with the HTTP status code and body, and a Retry-After
// header when retryAfter is set: a refusal or an overloaded service.
func Status(code int, retryAfter, body string) Fault {
	return func(w http.ResponseWriter) {
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		w.WriteHeader(code)
		w.Write([]byte(body))
	}
}

// Content answers 200 with body of the given Content-Type: what services
// that report errors inside a successful answer send.
func Content(contentType, body string) Fault {
	return func(w http.ResponseWriter) {
		w.Header().Set("Content-Type", contentType)
		w.Write([]byte(body))
	}
}

// WriteMP3 answers with audio as a speech service does.
func WriteMP3(w http.ResponseWriter, audio []byte) {
	w.Header().Set("Content-Type", "audio/mpeg")
	w.Write(audio)
}

// ReplyMP3 is the Contract.Reply of a service that answers a synthesis
// request with the MP3 itself.
func ReplyMP3(audio []byte) func(*Service, http.ResponseWriter, int) {
	return func(_ *Service, w http.ResponseWriter, _ int) { WriteMP3(w, audio) }
}

// Reset sends nothing and resets the connection.
func Reset(w http.ResponseWriter) {
	conn := hijack(w)
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetLinger(0) // close with a RST
	}
	conn.Close()
}

// CutBody answers 200 with a Content-Length for all of body, sends the
// first half of it and resets the connection.
func CutBody(body []byte) Fault {
	return func(w http.ResponseWriter) {
		conn := hijack(w)
		conn.Write([]byte("HTTP/1.1 200 OK\r\nContent-Type: audio/mpeg\r\nContent-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n"))
		conn.Write(body[:len(body)/2])
		if tc, ok := conn.(*net.TCPConn); ok {
			tc.SetLinger(0)
		}
		conn.Close()
	}
}

// ShortBody answers 200 declaring a Content-Length longer than the body it
// sends, then closes the connection in order.
func ShortBody(body []byte) Fault {
	return func(w http.ResponseWriter) {
		conn := hijack(w)
		conn.Write([]byte("HTTP/1.1 200 OK\r\nContent-Type: audio/mpeg\r\nContent-Length: " + strconv.Itoa(2*len(body)) + "\r\n\r\n"))
		conn.Write(body)
		conn.Close()
	}
}

// Trickle answers 200 and sends body a byte every 20 ms, for as long as
// the client listens (10 s at most).
func Trickle(body []byte) Fault {
	return func(w http.ResponseWriter) { trickle(w, body) }
}

func trickle(w http.ResponseWriter, body []byte) {
	w.Header().Set("Content-Type", "audio/mpeg")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(w)
	stop := time.After(10 * time.Second)
	for _, b := range body {
		if _, err := w.Write([]byte{b}); err != nil || rc.Flush() != nil {
			return
		}
		select {
		case <-time.After(20 * time.Millisecond):
		case <-stop:
			return
		}
	}
}

func hijack(w http.ResponseWriter) net.Conn {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic("ttstest: cannot hijack: " + err.Error())
	}
	return conn
}
