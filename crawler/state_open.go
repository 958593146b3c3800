package crawler

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"syscall"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// Buckets of the state database.
var (
	bucketURLs    = []byte("urls")    // URL → record (JSON)
	bucketPending = []byte("pending") // URL seen but not done → nothing
	bucketIDs     = []byte("ids")     // article ID → idEntry (JSON)
	bucketHashes  = []byte("hashes")  // content hash → article ID
	bucketSims    = []byte("sims")    // band, band value, SimHash, ID → nothing
	bucketHosts   = []byte("hosts")   // host → hostRecord (JSON), while failing
	bucketMeta    = []byte("meta")    // "version" → stateVersion
	allBuckets    = [][]byte{bucketURLs, bucketPending, bucketIDs, bucketHashes, bucketSims, bucketHosts, bucketMeta}
	stateVersion  = []byte("1")
)

// openDB opens the database at path and checks it. A database that cannot
// be opened or fails its check is returned as a problem, with the database
// when it opened at all; only a lock held by another process or an I/O
// error is an error.
func openDB(path string) (db *bolt.DB, problem string, err error) {
	st, serr := os.Stat(path)
	empty := serr == nil && st.Size() == 0
	func() {
		// A damaged file can make bbolt read past its mapping: turn the
		// fault into a panic and the panic into a problem.
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		defer func() {
			if p := recover(); p != nil {
				err = fmt.Errorf("%v", p)
			}
		}()
		db, err = bolt.Open(path, 0o644, &bolt.Options{Timeout: stateLockTimeout, FreelistType: bolt.FreelistMapType})
	}()
	switch {
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, "", fmt.Errorf("%w: %s", ErrStateLocked, path)
	case errors.Is(err, syscall.ENOSPC):
		return nil, "", fmt.Errorf("crawler: open state: %w", err)
	case err != nil:
		if _, serr := os.Stat(path); serr != nil {
			return nil, "", fmt.Errorf("crawler: open state: %w", err)
		}
		return nil, fmt.Sprintf("cannot be opened: %v", err), nil
	case empty:
		// bbolt makes an empty file a new database; ours are never empty.
		db.Close()
		return nil, "was empty", nil
	}
	if problem := checkDB(db); problem != "" {
		return db, problem, nil
	}
	return db, "", nil
}

// checkDB verifies the database's pages and buckets, and creates the
// buckets of a new one. It reports a problem instead of panicking on a
// damaged file.
func checkDB(db *bolt.DB) (problem string) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if p := recover(); p != nil {
			problem = fmt.Sprintf("damaged: %v", p)
		}
	}()
	fresh := false
	err := db.View(func(tx *bolt.Tx) error {
		var err error
		fresh, err = checkTx(tx)
		return err
	})
	if err == nil && fresh {
		err = db.Update(func(tx *bolt.Tx) error {
			for _, b := range allBuckets {
				if _, err := tx.CreateBucketIfNotExists(b); err != nil {
					return err
				}
			}
			return tx.Bucket(bucketMeta).Put([]byte("version"), stateVersion)
		})
	}
	if err != nil {
		return "damaged: " + err.Error()
	}
	return ""
}

// checkTx reads every record (where a panic on a damaged page is recovered
// by the caller: bbolt's own Tx.Check panics in a goroutine of its own) and
// checks the version and the buckets. A database without buckets is fresh.
func checkTx(tx *bolt.Tx) (fresh bool, err error) {
	if err := tx.ForEach(func(_ []byte, b *bolt.Bucket) error {
		return b.ForEach(func(_, _ []byte) error { return nil })
	}); err != nil {
		return false, err
	}
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		if tx.Bucket(bucketURLs) != nil {
			return false, errors.New("version record missing")
		}
		return true, nil
	}
	if v := meta.Get([]byte("version")); !bytes.Equal(v, stateVersion) {
		return false, fmt.Errorf("unknown version %q", v)
	}
	for _, b := range allBuckets {
		if tx.Bucket(b) == nil {
			return false, fmt.Errorf("bucket %s missing", b)
		}
	}
	return false, nil
}
