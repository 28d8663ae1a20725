// Package server serves TLS and unwraps its connections.
package server

import (
	"crypto/tls"
	"net"

	"redundantiface_xpkg/unwrap"
)

// Unwrap returns the connection under a TLS connection.
func Unwrap(c *tls.Conn) net.Conn { return unwrap.Inner(c) }
