//go:build unix

package web

import (
	"os"
	"syscall"
)

// openAudio opens a stored audio file for reading. os.Open would also try
// to register the file with the network poller, which a regular file
// refuses, at four fcntl calls and an epoll_ctl for each request; a file
// opened here blocks in read and sendfile, as regular files do anyway.
func openAudio(name string) (*os.File, error) {
	for {
		fd, err := syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &os.PathError{Op: "open", Path: name, Err: err}
		}
		return os.NewFile(uintptr(fd), name), nil
	}
}
