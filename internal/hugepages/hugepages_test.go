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
	const madvise = "always [madvise] never\n"
	for _, tc := range []struct {
		name string
		env  []string
		mode string
		want bool
	}{
		{"madvise, nothing set", []string{"HOME=/root"}, madvise, true},
		{"madvise, other tunables", []string{"GLIBC_TUNABLES=glibc.malloc.arena_max=2"}, madvise, true},
		{"madvise, already set", []string{"GLIBC_TUNABLES=glibc.malloc.hugetlb=1"}, madvise, false},
		{"madvise, turned off by the user", []string{"GLIBC_TUNABLES=glibc.malloc.arena_max=2:glibc.malloc.hugetlb=0"}, madvise, false},
		{"madvise, turned off in a second entry", []string{"GLIBC_TUNABLES=glibc.malloc.arena_max=2", "GLIBC_TUNABLES=glibc.malloc.hugetlb=0"}, madvise, false},
		{"this process re-executed already, and glibc dropped the tunable", []string{Marker + "=42"}, madvise, false},
		{"a parent re-executed itself", []string{Marker + "=7"}, madvise, true},
		{"always: malloc gets huge pages anyway", nil, "[always] madvise never\n", false},
		{"never", nil, "always madvise [never]\n", false},
		{"no THP in the kernel", nil, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Wanted(tc.env, tc.mode, 42); got != tc.want {
				t.Errorf("Wanted(%q, %q, 42) = %v, want %v", tc.env, tc.mode, got, tc.want)
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
		{"none before", []string{"A=1"}, []string{"A=1", "GLIBC_TUNABLES=glibc.malloc.hugetlb=1", Marker + "=42"}},
		{"empty before", []string{"GLIBC_TUNABLES=", "A=1"}, []string{"A=1", "GLIBC_TUNABLES=glibc.malloc.hugetlb=1", Marker + "=42"}},
		{"others kept", []string{"GLIBC_TUNABLES=glibc.malloc.arena_max=2", "A=1"}, []string{"A=1", "GLIBC_TUNABLES=glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1", Marker + "=42"}},
		{"two entries joined", []string{"GLIBC_TUNABLES=a=1", "GLIBC_TUNABLES=b=2"}, []string{"GLIBC_TUNABLES=a=1:b=2:glibc.malloc.hugetlb=1", Marker + "=42"}},
		{"a parent's marker replaced", []string{Marker + "=7", "A=1"}, []string{"A=1", "GLIBC_TUNABLES=glibc.malloc.hugetlb=1", Marker + "=42"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := WithTunable(tc.env, 42); !slices.Equal(got, tc.want) {
				t.Errorf("WithTunable(%q, 42) = %q, want %q", tc.env, got, tc.want)
			}
		})
	}
}

// TestReexec runs this test binary as a child that calls reexecIn as
// package startup would: the child must come back as the same process,
// with its arguments and environment, plus the tunable, and run once more
// only, even when (as glibc does for a privileged program) the tunable is
// gone from its environment on the second run.
func TestReexec(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("skipping: re-execution needs /proc/self/exe (Linux)")
	}
	for _, strip := range []bool{false, true} {
		t.Run(fmt.Sprintf("tunable stripped %v", strip), func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestReexecChild$", "-test.v")
			cmd.Env = append(os.Environ(), "HUGEPAGES_TEST_CHILD=1", "GLIBC_TUNABLES=glibc.malloc.arena_max=4", Marker+"=1")
			if strip {
				cmd.Env = append(cmd.Env, "HUGEPAGES_TEST_STRIP=1")
			}
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
			second := "glibc.malloc.arena_max=4:glibc.malloc.hugetlb=1"
			if strip {
				second = ""
			}
			want := []string{
				"run pid=" + pid + " tunables=glibc.malloc.arena_max=4 marker=1",
				"run pid=" + pid + " tunables=" + second + " marker=" + pid,
			}
			if !slices.Equal(runs, want) {
				t.Errorf("the child ran as\n%s\nwant\n%s\nits output:\n%s", strings.Join(runs, "\n"), strings.Join(want, "\n"), out)
			}
		})
	}
}

func TestReexecChild(t *testing.T) {
	if os.Getenv("HUGEPAGES_TEST_CHILD") == "" {
		t.Skip("skipping: run by TestReexec only")
	}
	if os.Getenv("HUGEPAGES_TEST_STRIP") != "" && os.Getenv(Marker) != "1" {
		// The second run: drop the tunable as glibc would.
		os.Unsetenv("GLIBC_TUNABLES")
	}
	fmt.Printf("run pid=%d tunables=%s marker=%s\n", os.Getpid(), os.Getenv("GLIBC_TUNABLES"), os.Getenv(Marker))
	// A loop fails the test in a few runs rather than hanging it.
	runs := len(os.Getenv("HUGEPAGES_TEST_RUNS"))
	if runs >= 3 {
		t.Fatal("re-executed three times")
	}
	os.Setenv("HUGEPAGES_TEST_RUNS", strings.Repeat("x", runs+1))
	reexecIn("always [madvise] never", os.Environ())
}
