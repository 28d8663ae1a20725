package statecoupling

import (
	"go/token"
	"go/types"
)

// lockMode is the strongest lock a walk knows to be held at a point.
type lockMode uint8

const (
	unlocked lockMode = iota
	readLocked
	writeLocked
)

// kind says which rule a recorded effect belongs to.
type kind uint8

const (
	// plainWrite is a write with no lock (or only a read lock) held.
	plainWrite kind = iota
	// lazyWrite is the set half of a check-then-set lazy initialisation.
	lazyWrite
	// afterUnlock is a write after the function released a lock it held.
	afterUnlock
	// stash stores a request-scoped value (context, request, response
	// writer) in package-level state, whatever lock is held.
	stash
	// hostStash stores a parameter of the enclosing function in
	// package-level state; reported only in lifecycle hooks.
	hostStash
)

// target is what an effect writes: a package-level variable, or a
// parameter of the function (its receiver is -1) through which the caller
// may pass package-level state.
type target struct {
	global *types.Var // package-level variable, or nil
	param  int        // parameter index when global is nil
}

func (t target) isGlobal() bool { return t.global != nil }

// step is one call on the path from a function down to a write.
type step struct {
	name string    // callee, as the message names it
	pos  token.Pos // call site
}

// effect is one write that a function performs, directly or through the
// functions it calls.
type effect struct {
	tgt  target
	mode lockMode // unlocked or readLocked; writes under a write lock are dropped
	kind kind
	// pos is where to report: the write itself when it is in this
	// package, else the call site in this package that leads to it.
	pos token.Pos
	// lock names the read lock held (readLocked) or the lock released
	// (afterUnlock).
	lock string
	// what describes the stored value for stash and hostStash.
	what string
	// in names the function holding the write, and inFn is it when it is
	// declared in this package (nil for literals and other packages).
	in   string
	inFn *types.Func
	// foreign names the function of another package whose summary
	// (fact) holds the write; "" when the write is in this package.
	foreign string
	path    []step
}

// key identifies an effect for deduplication; the path is left out so
// that the first path found is kept.
type effectKey struct {
	global *types.Var
	param  int
	mode   lockMode
	kind   kind
	pos    token.Pos
}

func (e *effect) key() effectKey {
	return effectKey{e.tgt.global, e.tgt.param, e.mode, e.kind, e.pos}
}

// maxPath bounds the call paths kept for messages.
const maxPath = 8
