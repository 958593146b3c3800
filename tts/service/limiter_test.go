package service

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestLimiter(t *testing.T) {
	l := NewLimiter(1)
	if err := l.Acquire(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := l.Acquire(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("second Acquire on a full limiter: %v", err)
	}
	l.Release()
	if err := l.Acquire(context.Background()); err != nil {
		t.Errorf("Acquire after Release: %v", err)
	}
}
