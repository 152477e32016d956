package room

// Benchmarks of the targets: 60 participants on one laptop, a
// participant's input in the facilitator's view within 150 ms p95 on
// loopback, an idle room under 2 % CPU.

import (
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"soundingboard/backend/activity"
	"soundingboard/backend/storetest"
)

// crowd is a room of n confirmed participants on the open question.
func crowd(b *testing.B, n int) (*fx, []*phone, state) {
	f := newFx(b, activity.KindOpenQuestion)
	for i := range n - 3 {
		m := storetest.Exec(b, f.db, `INSERT INTO members (id, name, status, created_at, updated_at) VALUES (?, ?, 'active', 'x', 'x')`,
			storetest.NewID(b, f.db), fmt.Sprintf("Person%02d Bench", i))
		storetest.Exec(b, f.db, `INSERT INTO participants (session_id, member_id) VALUES (?, ?)`, f.session, m)
	}
	var view roomView
	p0 := f.phone()
	if code := p0.do("GET", "room", nil, &view); code != 200 || len(view.Names) != n {
		b.Fatalf("room: %d, %d names", code, len(view.Names))
	}
	phones := make([]*phone, n)
	var wg sync.WaitGroup
	for i, name := range view.Names {
		wg.Go(func() {
			p := f.phone()
			if code := p.do("POST", "claim", map[string]string{"nameId": name.ID}, nil); code != 200 {
				b.Errorf("claim %s: %d", name.Name, code)
			}
			phones[i] = p
		})
	}
	wg.Wait()
	st, _ := f.rooms.Status(f.session)
	for _, c := range st.Claims {
		if _, err := f.rooms.Confirm(ConfirmInput{SessionID: f.session, ClaimID: c.ID, Accept: true}); err != nil {
			b.Fatal(err)
		}
	}
	return f, phones, phones[0].state()
}

// BenchmarkRoom60 has 60 participants writing an answer every second or
// so while one more probe answer is timed from the POST until the
// facilitator's Wait loop has it in the run (what the run view reads).
func BenchmarkRoom60(b *testing.B) {
	f, phones, s := crowd(b, 60)
	item := s.Activity.Items[0].ID
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for i, p := range phones {
		wg.Go(func() {
			for n := 0; ; n++ {
				select {
				case <-stop:
					return
				case <-time.After(time.Duration(800+rand.IntN(400)) * time.Millisecond):
				}
				p.post(entryPost{Key: "bg", ActivityID: s.Activity.ID, Kind: "answer", ItemID: item, Text: fmt.Sprintf("load %d %d", i, n)})
			}
		})
	}
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		st, _ := f.rooms.Status(f.session)
		text := fmt.Sprintf("probe %d", i)
		start := time.Now()
		// Probes go round the phones, within each one's rate limit.
		go func() {
			if code, ans := phones[i%len(phones)].post(entryPost{Key: "probe", ActivityID: s.Activity.ID, Kind: "answer", ItemID: item, Text: text}); code != 200 {
				b.Errorf("probe: %d %+v", code, ans)
			}
		}()
		for v := st.Version; ; {
			if time.Since(start) > 10*time.Second {
				b.Fatalf("probe %d never reached the run", i)
			}
			st, err := f.rooms.Wait(f.session, v)
			if err != nil {
				b.Fatal(err)
			}
			v = st.Version
			run, err := f.agendas.RunActivity(s.Activity.ID)
			if err != nil {
				b.Fatal(err)
			}
			if slices.ContainsFunc(run.Entries, func(e activity.Entry) bool { return e.Text == text }) {
				break
			}
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	close(stop)
	wg.Wait()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
}

// BenchmarkIdleRoom measures the CPU of an open room with 60 participants
// whose event streams are open and nothing happening, over 5 seconds.
func BenchmarkIdleRoom(b *testing.B) {
	f, phones, _ := crowd(b, 60)
	var bodies []io.Closer
	for _, p := range phones {
		req, _ := http.NewRequest("GET", f.status.URL+"/api/events", nil)
		res, err := p.c.Do(req) //nolint:bodyclose // closed with the others at the end
		if err != nil || res.StatusCode != 200 {
			b.Fatalf("events: %v", err)
		}
		bodies = append(bodies, res.Body)
		go func() { _, _ = io.Copy(io.Discard, res.Body) }()
	}
	time.Sleep(time.Second) // the streams settle
	cpu := func() time.Duration {
		var ru syscall.Rusage
		if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
			b.Fatal(err)
		}
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	// One measure whatever b.N: the figure is a share of time, and more
	// of it would only make the benchmark long.
	c0, t0 := cpu(), time.Now()
	time.Sleep(5 * time.Second)
	share := float64(cpu()-c0) / float64(time.Since(t0))
	for b.Loop() {
	}
	b.ReportMetric(100*share, "cpu-%")
	for _, c := range bodies {
		_ = c.Close()
	}
}
