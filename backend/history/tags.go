package history

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/changelog"
	"soundingboard/backend/store"
)

// tagEdits reads the tags put on and taken off member id, as edits of
// its tag set. A tag deleted since reads under its last logged name.
func tagEdits(ctx context.Context, q store.Queryer, id int64) ([]changelog.Edit, error) {
	var rows []struct {
		changelog.Edit
		Tag  int64  `db:"tag"`
		Name string `db:"name"`
	}
	// member_tags keys are [member, tag]: the member's rows sort between
	// "[id," and "[id-" (',' and '-' are neighbours), so the index finds them.
	err := sqlx.SelectContext(ctx, q, &rows, `SELECT c.hlc, c.device, c.value, json_extract(c.row_key, '$[1]') AS tag,
		coalesce((SELECT name FROM tags WHERE id = json_extract(c.row_key, '$[1]')),
			(SELECT n.value FROM change_fields n WHERE n.tbl = 'tags' AND n.row_key = json_array(json_extract(c.row_key, '$[1]'))
				AND n.col = 'name' ORDER BY n.hlc DESC, n.device DESC LIMIT 1), '') AS name
		FROM changes c WHERE c.tbl = 'member_tags' AND c.row_key > ? AND c.row_key < ? AND c.col = ''`,
		fmt.Sprintf("[%d,", id), fmt.Sprintf("[%d-", id))
	if err != nil {
		return nil, fmt.Errorf("tags of member %d: %w", id, err)
	}
	out := make([]changelog.Edit, len(rows))
	for i, r := range rows {
		out[i] = r.Edit
		out[i].Col = tagsCol
		out[i].Value = tagValue{id: r.Tag, name: r.Name, alive: r.Value == int64(1)}
	}
	return out, nil
}
