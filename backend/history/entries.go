package history

import (
	"cmp"
	"slices"
	"strings"

	"soundingboard/backend/changelog"
)

// tagsCol stands for a member's tag set among its edits (no column has
// this name).
const tagsCol = "\x00tags"

// tagValue is the value of a tag edit: a tag put on the member or taken off.
type tagValue struct {
	id    int64
	name  string
	alive bool
}

// slot is the last write of one column met so far, and where it shows.
type slot struct {
	value  any
	device string
	entry  int // index in the entries, -1 when it shows in none
	change int
}

// entries groups the record's edits (any order) into writes, oldest to
// newest, and gives the newest MaxEntries, newest first. An edit's old
// value is the one before it in the merge's order (clock, then device);
// a value a later write of another device replaced names its writer.
func (rec record) entries(edits []changelog.Edit, t team, names func(ref, int64) string) []Entry {
	slices.SortStableFunc(edits, func(a, b changelog.Edit) int {
		return cmp.Or(cmp.Compare(a.HLC, b.HLC), cmp.Compare(a.Device, b.Device))
	})
	var out []Entry
	last := map[string]slot{}
	tags := map[int64]string{} // the member's tags now, by id
	alive := false
	for i := 0; i < len(edits); {
		j := i + 1
		for j < len(edits) && sameWrite(edits[j-1], edits[j]) {
			j++
		}
		write := edits[i:j]
		i = j
		tagsBefore := tagList(tags)
		by := t.who(write[0].Device)
		e := Entry{When: stamp(write[0].HLC), Person: by.name, Device: by.label, Me: write[0].Device == t.me, Changes: []Change{}}
		for _, ed := range write {
			if ed.Col == "" {
				e.Event = map[bool]string{true: "deleted", false: "created"}[ed.Value != int64(1)]
				if e.Event == "created" && len(last) > 0 && !alive {
					e.Event = "restored"
				}
				alive = e.Event != "deleted"
			}
		}
		for _, ed := range write {
			switch ed.Col {
			case "":
				continue
			case tagsCol:
				if tv := ed.Value.(tagValue); tv.alive {
					tags[tv.id] = tv.name
				} else {
					delete(tags, tv.id)
				}
				continue
			}
			prev, seen := last[ed.Col]
			if seen && prev.entry >= 0 && prev.device != ed.Device {
				out[prev.entry].Changes[prev.change].OverwrittenBy = by.name
			}
			next := slot{value: ed.Value, device: ed.Device, entry: -1}
			if f, ok := rec.field(ed.Col); ok && e.Event != "created" {
				old, now := "", f.show(ed.Value, names)
				if seen {
					old = f.show(prev.value, names)
				}
				if old != now {
					next.entry, next.change = len(out), len(e.Changes)
					e.Changes = append(e.Changes, Change{Field: f.label, Old: old, New: now})
				}
			}
			last[ed.Col] = next
		}
		if after := tagList(tags); after != tagsBefore && e.Event == "" {
			e.Changes = append(e.Changes, Change{Field: "Tags", Old: tagsBefore, New: after})
		}
		if e.Event != "" || len(e.Changes) > 0 {
			out = append(out, e)
		}
	}
	slices.Reverse(out)
	return out[:min(len(out), MaxEntries)]
}

// sameWrite reports whether edit b, the one after a, belongs to a's
// write: stamped with the same clock by the same device, or a tag the same
// device put on or took off within the second. Saving a member writes its
// tags row by row, each under a clock value of its own (taking all off,
// then putting them back), so one save reads as one entry and tags that
// end as they began show nothing.
func sameWrite(a, b changelog.Edit) bool {
	if a.Device != b.Device {
		return false
	}
	return a.HLC == b.HLC || (b.Col == tagsCol && b.HLC>>16-a.HLC>>16 < 1000)
}

// tagList is a tag set as it reads: names in order, comma separated.
func tagList(tags map[int64]string) string {
	names := make([]string, 0, len(tags))
	for _, n := range tags {
		names = append(names, n)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}
