package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"soundingboard/backend/services"
	"soundingboard/backend/team"
)

func TestTeamCommandsShareTheBoardBetweenTwoLaptops(t *testing.T) {
	dir, ana := demoBoard(t)
	folder := t.TempDir()
	bo := filepath.Join(t.TempDir(), "bo.db")

	code, out, errOut := sb(t, "--db", ana, "team", "create", "--folder", folder, "--person", "Ana", "--label", "Ana's laptop")
	if code != 0 || !strings.Contains(out, "now the team's") {
		t.Fatalf("team create: %d %q %q", code, out, errOut)
	}
	code, out, errOut = sb(t, "--db", ana, "team", "invite")
	invite := strings.TrimSpace(out)
	if code != 0 || len(strings.ReplaceAll(invite, "-", "")) != 26 || strings.Contains(invite, " ") {
		t.Fatalf("team invite prints the code alone: %d %q %q", code, out, errOut)
	}
	// Joining needs an empty board: the demo board is refused, with the way out.
	code, _, errOut = sb(t, "--db", ana, "team", "join", "--folder", folder, "--code", invite, "--person", "Ana")
	if code == 0 || !strings.Contains(errOut, "in a team already") && !strings.Contains(errOut, "not empty") {
		t.Errorf("join on a board with data: %d %q", code, errOut)
	}
	code, out, errOut = sb(t, "--db", bo, "team", "join", "--folder", folder, "--code", invite, "--person", "Bo")
	if code != 0 || !strings.Contains(out, "Joined the team") {
		t.Fatalf("team join: %d %q %q", code, out, errOut)
	}
	_, anaList, _ := sb(t, "--db", ana, "members", "list")
	_, boList, _ := sb(t, "--db", bo, "members", "list")
	if anaList != boList || strings.Count(boList, "\n") < 5 {
		t.Errorf("Bo's board does not list Ana's members:\n%s\n---\n%s", anaList, boList)
	}

	// A member imported on Ana's laptop reaches Bo's at the next passes.
	csv := writeFile(t, dir, "new.csv", "name,email\nNadia Okafor,nadia@example.com\n")
	if code, _, errOut := sb(t, "--db", ana, "members", "import", csv); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	if code, out, errOut := sb(t, "--db", ana, "team", "sync"); code != 0 || !strings.Contains(out, "let in: Bo") {
		t.Errorf("Ana's sync: %d %q %q", code, out, errOut)
	}
	if code, _, errOut := sb(t, "--db", bo, "team", "sync"); code != 0 {
		t.Errorf("Bo's sync: %s", errOut)
	}
	if _, boList, _ := sb(t, "--db", bo, "members", "list", "--search", "Nadia"); !strings.Contains(boList, "nadia@example.com") {
		t.Errorf("Bo's board lacks the imported member:\n%s", boList)
	}

	code, out, _ = sb(t, "--db", bo, "team", "status", "--json")
	var st team.Status
	if code != 0 || json.Unmarshal([]byte(out), &st) != nil || !st.InTeam || len(st.Teammates) != 2 {
		t.Errorf("team status --json: %d %s", code, out)
	}
	if _, out, _ := sb(t, "--db", bo, "team", "status"); !strings.Contains(out, "Ana") || !strings.Contains(out, "this laptop") {
		t.Errorf("team status:\n%s", out)
	}

	// While the app holds the board, `team sync` says the app syncs it.
	held, err := services.Open(context.Background(), bo, true)
	if err != nil {
		t.Fatal(err)
	}
	code, _, errOut = sb(t, "--db", bo, "team", "sync")
	if code == 0 || !strings.Contains(errOut, "syncs it every few seconds") {
		t.Errorf("team sync beside the app: %d %q", code, errOut)
	}
	if err := held.Close(); err != nil {
		t.Fatal(err)
	}

	// Bo cannot remove his own laptop (that is leaving), nor one the team lacks.
	if code, _, errOut := sb(t, "--db", bo, "team", "remove", "Bo"); code == 0 || !strings.Contains(errOut, "team leave") {
		t.Errorf("team remove of this laptop: %d %q", code, errOut)
	}
	if code, _, errOut := sb(t, "--db", bo, "team", "remove"); code == 0 || !strings.Contains(errOut, "exactly one laptop") {
		t.Errorf("team remove with no laptop: %d %q", code, errOut)
	}
	if code, _, errOut := sb(t, "--db", bo, "team", "remove", "Zed"); code == 0 || !strings.Contains(errOut, `"Zed"`) {
		t.Errorf("team remove of an unknown laptop: %d %q", code, errOut)
	}

	if code, _, errOut := sb(t, "--db", bo, "team", "leave"); code != 0 {
		t.Fatalf("team leave: %s", errOut)
	}
	if _, out, _ := sb(t, "--db", bo, "team", "status"); !strings.Contains(out, "not in a team") {
		t.Errorf("after leave: %q", out)
	}
	if _, boList, _ := sb(t, "--db", bo, "members", "list", "--search", "Nadia"); !strings.Contains(boList, "nadia@example.com") {
		t.Errorf("after leave, Bo's board lost its members:\n%s", boList)
	}
	// Ana removes a laptop of the team: one that left already is refused, another is removed.
	if code, _, errOut := sb(t, "--db", ana, "team", "sync"); code != 0 {
		t.Fatalf("Ana's sync: %s", errOut)
	}
	if code, _, errOut := sb(t, "--db", ana, "team", "remove", "Bo"); code == 0 || !strings.Contains(errOut, "removed from the team already") {
		t.Errorf("team remove of a laptop that left: %d %q", code, errOut)
	}
	cy := filepath.Join(t.TempDir(), "cy.db")
	_, out, _ = sb(t, "--db", ana, "team", "invite")
	if code, _, errOut := sb(t, "--db", cy, "team", "join", "--folder", folder, "--code", strings.TrimSpace(out), "--person", "Cy"); code != 0 {
		t.Fatalf("Cy's join: %s", errOut)
	}
	sb(t, "--db", ana, "team", "sync")
	if code, out, errOut := sb(t, "--db", ana, "team", "remove", "cy"); code != 0 || !strings.Contains(out, "Removed Cy (") || !strings.Contains(out, "key was changed") {
		t.Errorf("team remove Cy: %d %q %q", code, out, errOut)
	}

	code, _, errOut = sb(t, "--db", bo, "team", "frobnicate")
	if code == 0 || !strings.Contains(errOut, "create, invite, join") {
		t.Errorf("unknown team subcommand: %d %q", code, errOut)
	}
}
