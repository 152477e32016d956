package team

import (
	"path/filepath"

	"soundingboard/backend/changelog"
	"soundingboard/backend/teamfile"
)

// opened is a teammate's segment file opened and decoded, or why not.
type opened struct {
	h   teamfile.Header
	cs  []changelog.Change
	err error // the file could not be opened (teamfile.Open)
	bad error // its body does not decode
}

// segmentsAhead opens and decodes a teammate's segment files in seq
// order, each one while the one before it is applied: a new laptop
// joining applies a dozen files in a row, and decrypting and decoding the
// next then takes the other core instead of the database's time.
type segmentsAhead struct {
	open  func(name string) opened
	names map[uint64]string // by seq
	seq   uint64            // the seq of the file being opened in ready
	ready chan opened
}

func (s *Service) segmentsAhead(dir string, names map[uint64]string, tr teamfile.Trust, ks teamfile.Keys) *segmentsAhead {
	return &segmentsAhead{names: names, open: func(name string) opened {
		h, body, err := teamfile.Open(filepath.Join(dir, name), tr, ks, s.schema)
		if err != nil {
			return opened{err: err}
		}
		cs, err := decodeChanges(body)
		return opened{h: h, cs: cs, bad: err}
	}}
}

// get returns segment seq opened, and starts opening seq+1.
func (a *segmentsAhead) get(seq uint64) opened {
	var o opened
	if a.ready != nil && a.seq == seq {
		o = <-a.ready
	} else {
		o = a.open(a.names[seq])
	}
	a.ready = nil
	if name, ok := a.names[seq+1]; ok {
		a.seq, a.ready = seq+1, make(chan opened, 1)
		go func(ready chan<- opened) { ready <- a.open(name) }(a.ready)
	}
	return o
}
