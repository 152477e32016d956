package privacy

import "testing"

// An export's file name keeps the person's name in its own script.
func TestExportFileNameKeepsTheScript(t *testing.T) {
	for _, c := range []struct {
		name string
		want string
	}{
		{"Zoë Durand", "member-7-zoë-durand-data.json"},
		{"李雷", "member-7-李雷-data.json"},
		{"ليلى حداد", "member-7-ليلى-حداد-data.json"},
		{"ศิริพร วงศ์สวัสดิ์", "member-7-ศิริพร-วงศ์สวัสดิ์-data.json"},
		{"../../etc/passwd", "member-7-etc-passwd-data.json"},
		{"👍 !!!", "member-7-data.json"},
	} {
		if got := fileName(c.name, 7); got != c.want {
			t.Errorf("fileName(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}
