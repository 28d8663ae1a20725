// Package unwrap checks connections for an optional NetConn method; the
// implementation (*tls.Conn) is in a dependency of another package of the
// run, not of this one.
package unwrap

import "net"

type netConner interface{ NetConn() net.Conn }

// Inner unwraps c once.
func Inner(c net.Conn) net.Conn {
	if nc, ok := c.(netConner); ok {
		return nc.NetConn()
	}
	return c
}
