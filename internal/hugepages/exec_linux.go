package hugepages

import "syscall"

// reexec replaces the process image with the program's own executable,
// which /proc/self/exe names even if the file has since been replaced or
// removed. An exec that fails leaves the process as it was.
func reexec(args, env []string) {
	_ = syscall.Exec("/proc/self/exe", args, env)
}
