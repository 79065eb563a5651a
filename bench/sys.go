package bench

import (
	"bufio"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// procStatus reads the kB fields of /proc/self/status (Linux); missing
// fields are 0.
func procStatus(fields ...string) map[string]int64 {
	out := map[string]int64{}
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		for _, want := range fields {
			if k == want {
				n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
				out[k] = n * 1024
			}
		}
	}
	return out
}

// peakRSS is the process's high-water resident set: VmHWM, or getrusage's
// Maxrss where /proc is absent.
func peakRSS() int64 {
	if v := procStatus("VmHWM")["VmHWM"]; v > 0 {
		return v
	}
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err == nil {
		return int64(ru.Maxrss) * 1024 // kB on Linux
	}
	return 0
}

// cpuTime is the process's user + system CPU time so far. Stage costs
// measured in CPU time are far steadier than wall time on a machine shared
// with other work: time slices lost to other processes do not count.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

type rssPeak struct{ hwm, anon, file int64 }

// rssSampler records the peak anonymous and file-backed resident memory
// while it runs: bolt maps its file, so VmHWM counts store pages the
// kernel can drop at will, while RssAnon is the heap that must fit.
type rssSampler struct {
	stopc chan struct{}
	wg    sync.WaitGroup
	mu    sync.Mutex
	peak  rssPeak
}

func startRSSSampler(every time.Duration) *rssSampler {
	s := &rssSampler{stopc: make(chan struct{})}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			s.sample()
			select {
			case <-s.stopc:
				return
			case <-t.C:
			}
		}
	}()
	return s
}

func (s *rssSampler) sample() {
	v := procStatus("RssAnon", "RssFile")
	s.mu.Lock()
	s.peak.anon = max(s.peak.anon, v["RssAnon"])
	s.peak.file = max(s.peak.file, v["RssFile"])
	s.mu.Unlock()
}

func (s *rssSampler) stop() rssPeak {
	close(s.stopc)
	s.wg.Wait()
	s.sample()
	s.peak.hwm = peakRSS()
	return s.peak
}

// machine describes where the benchmark ran.
func machine() Machine {
	m := Machine{GoVersion: runtime.Version(), OS: runtime.GOOS, Arch: runtime.GOARCH, NumCPU: runtime.NumCPU(), GOMAXPROCS: runtime.GOMAXPROCS(0)}
	m.Hostname, _ = os.Hostname()
	if f, err := os.Open("/proc/meminfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "MemTotal:"); ok {
				n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
				m.MemTotal = n * 1024
			}
		}
		f.Close()
	}
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, "model name"); ok {
				m.CPU = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), ":"))
				break
			}
		}
	}
	if data, err := os.ReadFile("/proc/loadavg"); err == nil {
		m.LoadAvg = strings.Join(strings.Fields(string(data))[:3], " ")
	}
	return m
}
