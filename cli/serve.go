package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"soundingboard/backend/room"
	"soundingboard/backend/rpc"
	"soundingboard/backend/services"
)

// parseServe parses `serve [--addr 127.0.0.1:7420] [--allow-remote]`.
func parseServe(fs *flag.FlagSet, args []string, env Env) (runFunc, error) {
	addr := fs.String("addr", "127.0.0.1:7420", "address to listen on (loopback only)")
	remote := fs.Bool("allow-remote", false, "allow a non-loopback --addr")
	if _, err := parseFlags(fs, args); err != nil {
		return nil, err
	}
	return func(s *services.Set, out io.Writer) error { return serve(s, env, *addr, *remote, out) }, nil
}

// serve runs browser mode until interrupted.
func serve(s *services.Set, env Env, addr string, allowRemote bool, out io.Writer) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	room.WithAssets(s.Rooms, env.Assets)
	srv, err := rpc.Listen(addr, rpc.Config{Assets: env.Assets, Services: env.Bound(s), Scope: services.Scope, AllowRemote: allowRemote})
	if err != nil {
		return err
	}
	go s.KeepDaily(ctx)
	go s.KeepSynced(ctx)
	if allowRemote {
		fmt.Fprintf(os.Stderr, "soundingboard: WARNING: --allow-remote: listening on %s; anyone on the network who gets the token "+
			"can read and change the board. Traffic is not encrypted.\n", addr)
	}
	if _, err := fmt.Fprintf(out, "Sounding Board is running. Open this address in your browser:\n%s\n", srv.URL()); err != nil {
		return err
	}
	if f, ok := out.(*os.File); ok {
		_ = f.Sync() // the URL is out already; a pipe or terminal cannot be synced, which is fine
	}
	return srv.Serve(ctx)
}

// parseDemo parses `demo`, which takes no arguments (and, as ever, ignores
// any it is given).
func parseDemo(*flag.FlagSet, []string, Env) (runFunc, error) {
	return func(s *services.Set, out io.Writer) error {
		r, err := s.Demo.Load()
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(out, "loaded a sample board: %d members in %d segments, %d decisions, %d sessions, %d reminders\n",
			r.Members, r.Segments, r.Decisions, r.Sessions, r.Reminders)
		return err
	}, nil
}
