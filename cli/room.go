package cli

// `room open SESSION`: the room in a terminal. It holds the database
// (like every writing command), prints the join URL and its QR code,
// prints each claim as it arrives and reads the facilitator's answers on
// standard input, until interrupted.

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"soundingboard/backend/room"
	"soundingboard/backend/services"
)

// parseRoomOpen parses `room open SESSION [--addr HOST:PORT] [--cert F
// --key F] [--qr FILE.png] [--insist]`.
func parseRoomOpen(fs *flag.FlagSet, args []string, env Env) (runFunc, error) {
	var in room.OpenInput
	fs.StringVar(&in.Addr, "addr", "", "address participants reach (default: this laptop's LAN address, port 7421)")
	fs.StringVar(&in.CertFile, "cert", "", "TLS certificate (PEM), with --key")
	fs.StringVar(&in.KeyFile, "key", "", "TLS private key (PEM), with --cert")
	fs.BoolVar(&in.Insist, "insist", false, "plain HTTP even on an address that is not private")
	qrPath := fs.String("qr", "", "also write the QR code of the join address as a PNG file")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return nil, err
	}
	if len(pos) != 1 {
		return nil, errors.New("give exactly one session ID")
	}
	if in.SessionID, err = strconv.ParseInt(pos[0], 10, 64); err != nil || in.SessionID <= 0 {
		return nil, fmt.Errorf("%q is not a session ID", pos[0])
	}
	return func(s *services.Set, out io.Writer) error {
		return openRoom(s, env, in, *qrPath, os.Stdin, out)
	}, nil
}

// openRoom runs the room until SIGINT or SIGTERM, or until its session
// finishes, then closes it.
func openRoom(s *services.Set, env Env, in room.OpenInput, qrPath string, stdin io.Reader, out io.Writer) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	room.WithAssets(s.Rooms, env.Assets)
	st, err := s.Rooms.Open(in)
	if err != nil {
		return err
	}
	defer s.Rooms.Close(in.SessionID) //nolint:errcheck // closing a room has nothing to report
	if qrPath != "" {
		png, err := room.PNG(st.URL)
		if err != nil {
			return err
		}
		if err := s.SaveFile(qrPath, png); err != nil {
			return err
		}
	}
	drawing, err := room.Text(st.URL)
	if err != nil {
		return err
	}
	go s.KeepDaily(ctx)
	go s.KeepSynced(ctx)
	if _, err := fmt.Fprintf(out, "The room of session %d is open. Participants join at:\n%s\n\n%s\n%s\n\n"+
		"Confirm each claim of a name: type y and its number to confirm (y 2), n and its number to reject (n 2), then Enter.\n"+
		"Stop with Ctrl+C: the room closes.\n", in.SessionID, st.URL, drawing, st.Warning); err != nil {
		return err
	}
	if f, ok := out.(*os.File); ok {
		_ = f.Sync() // a pipe or terminal cannot be synced, which is fine
	}
	return facilitate(ctx, s.Rooms, in.SessionID, st, stdin, out)
}

// facilitate prints claims as they change and applies the answers typed
// on stdin, until ctx ends or the room closes.
func facilitate(ctx context.Context, rooms *room.Rooms, sessionID int64, st room.Status, stdin io.Reader, out io.Writer) error {
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(stdin)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
	}()
	statuses := make(chan room.Status, 1)
	wait := func(version int64) {
		go func() {
			st, err := rooms.Wait(sessionID, version)
			if err == nil {
				statuses <- st
			}
		}()
	}
	numbers := map[string]int{} // claim id → the number the facilitator types
	shown := map[string]string{}
	report := func(st room.Status) error {
		for _, c := range st.Claims {
			if _, ok := numbers[c.ID]; !ok {
				numbers[c.ID] = len(numbers) + 1
			}
			if shown[c.ID] == c.State {
				continue
			}
			shown[c.ID] = c.State
			n := numbers[c.ID]
			var err error
			switch {
			case c.Guest && c.State == "pending":
				_, err = fmt.Fprintf(out, "[%d] %s (guest) joins as a guest: y %d to confirm, n %d to reject\n",
					n, printable(c.Name), n, n)
			case c.Guest:
				_, err = fmt.Fprintf(out, "[%d] %s (guest): %s\n", n, printable(c.Name), c.State)
			case c.State == "pending":
				_, err = fmt.Fprintf(out, "[%d] %s claims the name %s: y %d to confirm, n %d to reject\n",
					n, printable(c.Member), printable(c.Name), n, n)
			default:
				_, err = fmt.Fprintf(out, "[%d] %s (%s): %s\n", n, printable(c.Name), printable(c.Member), c.State)
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
	if err := report(st); err != nil {
		return err
	}
	wait(st.Version)
	for {
		select {
		case <-ctx.Done():
			_, err := fmt.Fprintln(out, "The room is closed.")
			return err
		case st = <-statuses:
			if !st.Open {
				_, err := fmt.Fprintln(out, "The room closed: its session finished.")
				return err
			}
			if err := report(st); err != nil {
				return err
			}
			wait(st.Version)
		case line := <-lines:
			if msg := answer(rooms, sessionID, numbers, line); msg != "" {
				if _, err := fmt.Fprintln(out, msg); err != nil {
					return err
				}
			}
		}
	}
}

// answer applies one line typed by the facilitator ("y 2", "n 2");
// returns what to tell them when it is not understood or fails.
func answer(rooms *room.Rooms, sessionID int64, numbers map[string]int, line string) string {
	f := strings.Fields(strings.ToLower(line))
	if len(f) == 0 {
		return ""
	}
	n, err := 0, error(nil)
	if len(f) == 2 {
		n, err = strconv.Atoi(f[1])
	}
	if len(f) != 2 || err != nil || (f[0] != "y" && f[0] != "n") {
		return "Type y and a claim's number to confirm it (y 2), n and its number to reject it (n 2)."
	}
	for id, num := range numbers {
		if num == n {
			if _, err := rooms.Confirm(room.ConfirmInput{SessionID: sessionID, ClaimID: id, Accept: f[0] == "y"}); err != nil {
				return "soundingboard: " + err.Error()
			}
			return ""
		}
	}
	return fmt.Sprintf("There is no claim %d.", n)
}
