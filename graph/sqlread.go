package graph

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"github.com/lib/pq"
)

// Key reads on PostgreSQL. Cayley's SQL iterators answer a saved query
// with one statement per node they visit (1 300 for roles/hub at 200
// articles, each 0.02–0.3 ms in the server, the rest round trips), so the
// listings bolt reads from index keys — a node's neighbours, the first
// value of (subject, predicate), a key's count — are here one statement
// each, served by Cayley's spo and ops indexes.

// sqlRef is the hash a SQL store's reference stands for; ok is false for a
// reference of another store.
func sqlRef(r cgraph.Ref) ([]byte, bool) {
	h, ok := r.(csql.NodeHash)
	if !ok || !h.Valid() {
		return nil, false
	}
	return h.SQLValue().([]byte), true
}

// nodeValueColumns are the columns sqlNodeValue decodes, prefixed by a
// table alias.
func nodeValueColumns(alias string) string {
	cols := []string{"value", "value_string", "datatype", "language", "iri", "bnode", "value_int", "value_bool", "value_float", "value_time"}
	for i, c := range cols {
		cols[i] = alias + "." + c
	}
	return strings.Join(cols, ", ")
}

// nodeRow scans the nodeValueColumns of a row into a quad.Value, as
// Cayley's QuadStore.NameOf decodes them.
type nodeRow struct {
	data      []byte
	str       sql.NullString
	typ, lang sql.NullString
	iri, bn   sql.NullBool
	vint      sql.NullInt64
	vbool     sql.NullBool
	vfloat    sql.NullFloat64
	vtime     sql.NullTime
}

func (r *nodeRow) dest() []any {
	return []any{&r.data, &r.str, &r.typ, &r.lang, &r.iri, &r.bn, &r.vint, &r.vbool, &r.vfloat, &r.vtime}
}

func (r *nodeRow) value() (quad.Value, error) {
	switch {
	case r.str.Valid:
		s := strings.ReplaceAll(r.str.String, `\x00`, "\u0000") // Cayley escapes NUL
		switch {
		case r.iri.Bool:
			return quad.IRI(r.str.String), nil
		case r.bn.Bool:
			return quad.BNode(r.str.String), nil
		case r.lang.Valid:
			return quad.LangString{Value: quad.String(s), Lang: r.lang.String}, nil
		case r.typ.Valid:
			return quad.TypedString{Value: quad.String(s), Type: quad.IRI(r.typ.String)}, nil
		}
		return quad.String(s), nil
	case r.vint.Valid:
		return quad.Int(r.vint.Int64), nil
	case r.vbool.Valid:
		return quad.Bool(r.vbool.Bool), nil
	case r.vfloat.Valid:
		return quad.Float(r.vfloat.Float64), nil
	case r.vtime.Valid:
		return quad.Time(r.vtime.Time.UTC()), nil
	}
	return pquads.UnmarshalValue(r.data)
}

// sqlCountKey is CountKey on PostgreSQL: the quads of (sub, pred) or
// (sub, pred, obj).
func (s *Store) sqlCountKey(sub, pred, obj cgraph.Ref) (int64, bool, error) {
	sh, ok1 := sqlRef(sub)
	ph, ok2 := sqlRef(pred)
	if !ok1 || !ok2 {
		return 0, false, nil
	}
	q, args := `SELECT count(*) FROM quads WHERE subject_hash = $1 AND predicate_hash = $2`, []any{sh, ph}
	if obj != nil {
		oh, ok := sqlRef(obj)
		if !ok {
			return 0, false, nil
		}
		q, args = q+` AND object_hash = $3`, append(args, oh)
	}
	var n int64
	if err := s.db.QueryRow(q, args...).Scan(&n); err != nil {
		return 0, false, fmt.Errorf("graph: count key: %w", err)
	}
	return n, true, nil
}

// sqlFirstObject is FirstObject on PostgreSQL: the object of the first
// quad (sub, pred) written, as bolt's index order gives it.
func (s *Store) sqlFirstObject(sub, pred cgraph.Ref) (quad.Value, bool, error) {
	sh, ok1 := sqlRef(sub)
	ph, ok2 := sqlRef(pred)
	if !ok1 || !ok2 {
		return nil, false, nil
	}
	var r nodeRow
	err := s.db.QueryRow(`SELECT `+nodeValueColumns("n")+` FROM quads q JOIN nodes n ON n.hash = q.object_hash
		WHERE q.subject_hash = $1 AND q.predicate_hash = $2 ORDER BY q.horizon LIMIT 1`, sh, ph).Scan(r.dest()...)
	if err == sql.ErrNoRows {
		return nil, true, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("graph: first object: %w", err)
	}
	v, err := r.value()
	if err != nil {
		return nil, false, fmt.Errorf("graph: first object: %w", err)
	}
	return v, true, nil
}

// sqlLinks is Links on PostgreSQL, in one statement: per predicate (in
// the order given) the distinct nodes at the far end in hash order, at
// most bounds.PerPred+1 of them (one more: was the bound reached?), with
// their values; boundLinks then counts and cuts them as on bolt.
func (s *Store) sqlLinks(ctx context.Context, node cgraph.Ref, dir quad.Direction, preds []cgraph.Ref, bounds LinkBounds) (LinkScan, bool, error) {
	nh, ok := sqlRef(node)
	if !ok || (dir != quad.Subject && dir != quad.Object) {
		return LinkScan{}, false, nil
	}
	hashes := make([][]byte, len(preds))
	for i, p := range preds {
		if hashes[i], ok = sqlRef(p); !ok {
			return LinkScan{}, false, nil
		}
	}
	near, far := "subject_hash", "object_hash"
	if dir == quad.Object {
		near, far = "object_hash", "subject_hash"
	}
	limit := "ALL"
	if bounds.PerPred > 0 {
		limit = fmt.Sprint(bounds.PerPred + 1)
	}
	// DISTINCT in the order of the (near, predicate, far) prefix of the
	// spo or pos index: one index scan per predicate that stops at the
	// limit, never the quads of every document stating each link.
	rows, err := s.db.QueryContext(ctx, `SELECT p.i, l.far, `+nodeValueColumns("n")+`
		FROM unnest($2::bytea[]) WITH ORDINALITY AS p(h, i)
		CROSS JOIN LATERAL (SELECT DISTINCT `+far+` AS far FROM quads
			WHERE `+near+` = $1 AND predicate_hash = p.h ORDER BY `+far+` LIMIT `+limit+`) l
		CROSS JOIN LATERAL (SELECT * FROM nodes WHERE hash = l.far LIMIT 1) n
		ORDER BY p.i, l.far`, nh, pq.ByteaArray(hashes))
	if err != nil {
		return LinkScan{}, false, fmt.Errorf("graph: links: %w", err)
	}
	defer rows.Close()
	all := make([][]Link, len(preds))
	for rows.Next() {
		var i int64
		var farHash csql.NodeHash
		var r nodeRow
		if err := rows.Scan(append([]any{&i, &farHash}, r.dest()...)...); err != nil {
			return LinkScan{}, false, fmt.Errorf("graph: links: %w", err)
		}
		v, err := r.value()
		if err != nil {
			return LinkScan{}, false, fmt.Errorf("graph: links: %w", err)
		}
		all[i-1] = append(all[i-1], Link{Pred: preds[i-1], Node: farHash, Value: v})
	}
	if err := rows.Err(); err != nil {
		return LinkScan{}, false, fmt.Errorf("graph: links: %w", err)
	}
	return boundLinks(all, bounds), true, nil
}
