# A tiny shared object shaped like a Go plugin, for the reader's tests and
# the fuzz seed: two package fingerprints (go:link.pkghashbytes.*), their
# string headers (go:link.pkghash.*), and a pkghashes-like table whose
# relocations list example.com/b before example.com/a.
	.section .rodata
	.globl "go:link.pkghashbytes.example.com/a"
"go:link.pkghashbytes.example.com/a":
	.quad 0x0807060504030201
	.size "go:link.pkghashbytes.example.com/a", 8
	.globl "go:link.pkghashbytes.example.com/b"
"go:link.pkghashbytes.example.com/b":
	.quad 0x1817161514131211
	.size "go:link.pkghashbytes.example.com/b", 8

	.section .data.rel.ro,"aw"
	.globl "go:link.pkghash.example.com/a"
"go:link.pkghash.example.com/a":
	.quad "go:link.pkghashbytes.example.com/a"
	.quad 8
	.globl "go:link.pkghash.example.com/b"
"go:link.pkghash.example.com/b":
	.quad "go:link.pkghashbytes.example.com/b"
	.quad 8
pkghashes:
	.quad "go:link.pkghash.example.com/b"
	.quad "go:link.pkghash.example.com/a"
	.section .note.GNU-stack,"",@progbits
