package statecoupling

import (
	"go/ast"
	"go/types"
	"sort"
)

// lockState is what a walk knows about the locks held at one point of a
// function body: a may-hold set (a lock held on any path reaching the point
// counts as held, so that unusual but correct locking stays silent) and
// the locks released earlier in the function.
type lockState struct {
	held     map[string]lockMode
	released map[string]bool
}

func newLockState() *lockState {
	return &lockState{held: map[string]lockMode{}, released: map[string]bool{}}
}

func (s *lockState) copy() *lockState {
	c := newLockState()
	for k, v := range s.held {
		c.held[k] = v
	}
	for k := range s.released {
		c.released[k] = true
	}
	return c
}

// merge makes s the union of s and o.
func (s *lockState) merge(o *lockState) {
	for k, v := range o.held {
		if v > s.held[k] {
			s.held[k] = v
		}
	}
	for k := range o.released {
		s.released[k] = true
	}
}

// set replaces s's contents with o's.
func (s *lockState) set(o *lockState) {
	s.held, s.released = o.held, o.released
}

// mode returns the strongest lock held and, for a read lock, its name.
func (s *lockState) mode() (lockMode, string) {
	best, name := unlocked, ""
	for _, k := range sortedKeys(s.held) {
		if m := s.held[k]; m > best {
			best, name = m, k
		}
	}
	return best, name
}

// releasedName returns a released lock for messages, or "".
func (s *lockState) releasedName() string {
	names := make([]string, 0, len(s.released))
	for k := range s.released {
		names = append(names, k)
	}
	sort.Strings(names)
	if len(names) == 0 {
		return ""
	}
	return names[0]
}

func sortedKeys(m map[string]lockMode) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// lockOp recognises l.Lock(), l.RLock(), l.Unlock() and l.RUnlock(): any
// method of that name with no parameters and no results, so that
// sync.Mutex, sync.RWMutex, sync.Locker and wrappers around them all
// count. It returns the operation and the lock's spelling.
func lockOp(info *types.Info, call *ast.CallExpr) (op, lock string) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) != 0 {
		return "", ""
	}
	switch sel.Sel.Name {
	case "Lock", "RLock", "Unlock", "RUnlock":
	default:
		return "", ""
	}
	fn, ok := info.Uses[sel.Sel].(*types.Func)
	if !ok {
		return "", ""
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Params().Len() != 0 || sig.Results().Len() != 0 {
		return "", ""
	}
	return sel.Sel.Name, types.ExprString(sel.X)
}

// apply updates s for a lock operation.
func (s *lockState) apply(op, lock string) {
	switch op {
	case "Lock":
		s.held[lock] = writeLocked
	case "RLock":
		if s.held[lock] < readLocked {
			s.held[lock] = readLocked
		}
	case "Unlock", "RUnlock":
		delete(s.held, lock)
		s.released[lock] = true
	}
}
