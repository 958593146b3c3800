package main

import "debug/elf"

// positionIndependent reports whether the executable at path is an ELF
// file that each process loads at an address of its own (ET_DYN, as
// -buildmode=pie makes it), and false with an error for what is not ELF.
//
// The baseline file server runs from dxbench's own binary. Loaded at fixed
// addresses, its code sits where the load generator's identical code
// sits, and at concurrency 1, where the two take turns on a core, that
// alone made it about 10% faster: with both on one core, dxnews measured
// 0.81-0.83 times the baseline from a fixed-address dxbench, 0.91-0.96
// from a position-independent one, and 0.96-0.99 from a separate small
// client.
func positionIndependent(path string) (bool, error) {
	f, err := elf.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	return f.Type == elf.ET_DYN, nil
}
