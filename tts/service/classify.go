package service

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"syscall"
	"time"

	"dxnews/tts"
)

// ErrTooLarge marks an answer longer than the limit a call set.
var ErrTooLarge = errors.New("answer too large")

// Classify says what a failed exchange means for a retry. ctx is the
// caller's context and timeout the bound on one exchange.
//
//   - Errors already judged (a *tts.RetryableError from CheckStatus, an
//     answer over the limit) and the caller's own cancellation are returned
//     as they are.
//   - An exchange that ran out of time (headers or body not complete within
//     timeout, a body that trickles) reads "no complete answer within …"
//     and is not retried: the service is too slow, and every try would
//     stall the caller as long again.
//   - A connection refused, reset or closed before the answer was complete
//     (a truncated body, a Content-Length longer than what came) is a
//     *tts.RetryableError: a synthesis changes nothing on the service, so
//     asking again is safe.
func Classify(ctx context.Context, err error, timeout time.Duration) error {
	var re *tts.RetryableError
	switch {
	case err == nil || errors.As(err, &re) || errors.Is(err, ErrTooLarge):
		return err
	case ctx.Err() != nil:
		return err
	case isTimeout(err):
		return fmt.Errorf("no complete answer within %s: %w", timeout, err)
	case isCut(err):
		return &tts.RetryableError{Err: fmt.Errorf("connection cut: %w", err)}
	}
	return err
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout()
}

func isCut(err error) bool {
	return errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.EPIPE) || errors.Is(err, syscall.ECONNABORTED)
}
