package procstat

import (
	"os"
	"runtime"
	"testing"
)

func TestBytes(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc on this system")
	}
	rss, err := Bytes(0, "VmRSS")
	if err != nil {
		t.Fatal(err)
	}
	// A Go test binary holds at least a megabyte resident.
	if rss < 1<<20 {
		t.Errorf("VmRSS %d bytes, want at least 1 MB", rss)
	}
	self, err := Bytes(os.Getpid(), "VmHWM")
	if err != nil {
		t.Fatal(err)
	}
	if self < rss {
		t.Errorf("VmHWM %d below VmRSS %d", self, rss)
	}
	if _, err := Bytes(0, "NoSuchField"); err == nil {
		t.Error("a missing field gave no error")
	}
	if mb := MB("VmRSS"); mb < 1 {
		t.Errorf("MB(VmRSS) = %.2f", mb)
	}
	runtime.KeepAlive(rss)
}
