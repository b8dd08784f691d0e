package hugepages

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"testing"
)

func TestWanted(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  []string
		mode string
		want bool
	}{
		{"madvise, nothing set", []string{"HOME=/root"}, "always [madvise] never\n", true},
		{"madvise, other tunables", []string{"GLIBC_TUNABLES=glibc.malloc.arena_max=2"}, "always [madvise] never\n", true},
		{"madvise, already set", []string{"GLIBC_TUNABLES=glibc.malloc.hugetlb=1"}, "always [madvise] never\n", false},
		{"madvise, turned off by the user", []string{"GLIBC_TUNABLES=glibc.malloc.arena_max=2:glibc.malloc.hugetlb=0"}, "always [madvise] never\n", false},
		{"always: malloc gets huge pages anyway", nil, "[always] madvise never\n", false},
		{"never", nil, "always madvise [never]\n", false},
		{"no THP in the kernel", nil, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Wanted(tc.env, tc.mode); got != tc.want {
				t.Errorf("Wanted(%q, %q) = %v, want %v", tc.env, tc.mode, got, tc.want)
			}
		})
	}
}

func TestWithTunable(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  []string
		want []string
	}{
		{"none before", []string{"A=1"}, []string{"A=1", "GLIBC_TUNABLES=glibc.malloc.hugetlb=1"}},
		{"empty before", []string{"GLIBC_TUNABLES=", "A=1"}, []string{"A=1", "GLIBC_TUNABLES=glibc.malloc.hugetlb=1"}},
		{"others kept", []string{"GLIBC_TUNABLES=glibc.malloc.arena_max=2", "A=1"}, []string{"A=1", "GLIBC_TUNABLES=glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := WithTunable(tc.env); !slices.Equal(got, tc.want) {
				t.Errorf("WithTunable(%q) = %q, want %q", tc.env, got, tc.want)
			}
		})
	}
}

// TestReexec runs this test binary as a child that calls reexecIn as
// main would: the child must come back as the same process, with its
// arguments and environment, plus the tunable, and run once more only.
func TestReexec(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("skipping: re-execution needs /proc/self/exe (Linux)")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestReexecChild$", "-test.v")
	cmd.Env = append(os.Environ(), "HUGEPAGES_TEST_CHILD=1", "GLIBC_TUNABLES=glibc.malloc.arena_max=4")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	var runs []string
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "run ") {
			runs = append(runs, line)
		}
	}
	pid := fmt.Sprint(cmd.Process.Pid)
	want := []string{
		"run pid=" + pid + " tunables=glibc.malloc.arena_max=4",
		"run pid=" + pid + " tunables=glibc.malloc.arena_max=4:glibc.malloc.hugetlb=1",
	}
	if !slices.Equal(runs, want) {
		t.Errorf("the child ran as\n%s\nwant\n%s\nits output:\n%s", strings.Join(runs, "\n"), strings.Join(want, "\n"), out)
	}
}

func TestReexecChild(t *testing.T) {
	if os.Getenv("HUGEPAGES_TEST_CHILD") == "" {
		t.Skip("skipping: run by TestReexec only")
	}
	fmt.Printf("run pid=%d tunables=%s\n", os.Getpid(), os.Getenv("GLIBC_TUNABLES"))
	reexecIn("always [madvise] never")
}
