package memlimit

import (
	"testing"
	"testing/fstest"
)

func TestCgroup(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string
		want  int64
		ok    bool
	}{
		{"v2 with a limit", map[string]string{
			"proc/self/cgroup":                   "0::/dxbench-1\n",
			"sys/fs/cgroup/dxbench-1/memory.max": "314572800\n",
		}, 314572800, true},
		{"v2 root group", map[string]string{
			"proc/self/cgroup":         "0::/\n",
			"sys/fs/cgroup/memory.max": "1048576\n",
		}, 1048576, true},
		{"v2 without a limit", map[string]string{
			"proc/self/cgroup":                    "0::/user.slice\n",
			"sys/fs/cgroup/user.slice/memory.max": "max\n",
		}, 0, false},
		{"v1 with a limit", map[string]string{
			"proc/self/cgroup": "12:cpu,cpuacct:/\n11:memory:/dxbench-2\n0::/\n",
			"sys/fs/cgroup/memory/dxbench-2/memory.limit_in_bytes": "419430400\n",
		}, 419430400, true},
		{"v1 unlimited", map[string]string{
			"proc/self/cgroup":                           "11:memory:/\n",
			"sys/fs/cgroup/memory/memory.limit_in_bytes": "9223372036854771712\n",
		}, 0, false},
		{"no cgroup filesystem", map[string]string{"proc/self/cgroup": "0::/\n"}, 0, false},
		{"no /proc", map[string]string{}, 0, false},
		{"garbage", map[string]string{
			"proc/self/cgroup":         "0::/\n",
			"sys/fs/cgroup/memory.max": "lots\n",
		}, 0, false},
	} {
		got, ok := Cgroup(mapFiles(c.files))
		if got != c.want || ok != c.ok {
			t.Errorf("%s: Cgroup = %d, %v; want %d, %v", c.name, got, ok, c.want, c.ok)
		}
	}
}

func mapFiles(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for name, data := range files {
		m[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return m
}

func TestSoft(t *testing.T) {
	if got := Soft(300 << 20); got != 225<<20 {
		t.Errorf("Soft(300 MiB) = %d", got)
	}
}
