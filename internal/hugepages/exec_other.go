//go:build !linux

package hugepages

// reexec does nothing where there is no /proc/self/exe (and no glibc).
func reexec(args, env []string) {}
