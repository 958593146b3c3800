package webhook_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"

	"dxnews/article"
	"dxnews/store"
	"dxnews/webhook"
)

// The receiver of the README, fed by a Sender.
func Example_receiver() {
	os.Setenv("DXNEWS_WEBHOOK_SECRET", "s3cret")
	mux := http.NewServeMux()
	mux.HandleFunc("POST /dxnews", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mac := hmac.New(sha256.New, []byte(os.Getenv("DXNEWS_WEBHOOK_SECRET")))
		mac.Write(body)
		if !hmac.Equal([]byte(r.Header.Get("X-Dxnews-Signature")), []byte("sha256="+hex.EncodeToString(mac.Sum(nil)))) {
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		fmt.Println("article", r.Header.Get("X-Dxnews-Article-Id"), r.Header.Get("X-Dxnews-Content-Hash"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	dir, _ := os.MkdirTemp("", "dxnews-example")
	defer os.RemoveAll(dir)
	st, _ := store.Open(dir)
	defer st.Close()
	u := "https://bao.example.vn/chuyen-doi-so.html"
	st.Put(context.Background(), article.Article{ID: article.IDFor(u), URL: u, CanonicalURL: u, Title: "Chuyển đổi số", ContentHash: "c0ffee"})

	s, err := webhook.New(webhook.Config{URLs: []string{srv.URL + "/dxnews"}, Secret: "s3cret", StateDir: dir + "/webhooks", Source: st})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Deliver(context.Background()))
	// Output:
	// article 2c638d279adb8b0d c0ffee
	// <nil>
}
