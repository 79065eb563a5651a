package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// SubjectSet gives the distinct subjects of the quads (?, pred, obj) with
// their values, in no order, in one statement; ok false when the store has
// no SQL or a reference is not this store's (list with Subjects instead).
//
// Resolving an entity parameter asks which nodes carry a name: for a hub
// ("United Nations", one ng:name quad per document that names it) the
// listing read every one of those quads, ~8 000 heap rows at 10k articles
// and most of a hub page's server time (BENCHMARKS.md), to find one or two
// subjects. Here PostgreSQL skips along pos_index (predicate, object,
// subject) from one subject to the next, an index probe per distinct
// subject: a loose index scan, which PostgreSQL 15 only does written as a
// recursive query.
func (s *Store) SubjectSet(ctx context.Context, pred, obj cgraph.Ref) (map[any]quad.Value, bool, error) {
	if s.db == nil {
		return nil, false, nil
	}
	ph, ok1 := sqlRef(pred)
	oh, ok2 := sqlRef(obj)
	if !ok1 || !ok2 {
		return nil, false, nil
	}
	rows, err := s.db.QueryContext(ctx, `WITH RECURSIVE subs(h) AS (
			(SELECT subject_hash FROM quads WHERE predicate_hash = $1 AND object_hash = $2
				ORDER BY subject_hash LIMIT 1)
			UNION ALL
			SELECT (SELECT q.subject_hash FROM quads q
				WHERE q.predicate_hash = $1 AND q.object_hash = $2 AND q.subject_hash > subs.h
				ORDER BY q.subject_hash LIMIT 1)
			FROM subs WHERE subs.h IS NOT NULL)
		SELECT n.hash, `+nodeValueColumns("n")+` FROM subs JOIN nodes n ON n.hash = subs.h`, ph, oh)
	if err != nil {
		return nil, false, fmt.Errorf("graph: subject set: %w", err)
	}
	out := map[any]quad.Value{}
	if err := scanValues(rows, out); err != nil {
		return nil, false, fmt.Errorf("graph: subject set: %w", err)
	}
	return out, true, nil
}
