package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ErrReadOnly is returned (wrapped) by every write to a store opened on a
// PostgreSQL hot standby: a streaming replica replays the primary's
// changes and accepts none of its own.
var ErrReadOnly = errors.New("read-only store: this PostgreSQL server is a hot standby (streaming replica); write to the primary")

// Replication is the replication state of a PostgreSQL store, for
// monitoring (GET /api/stats). Nil on bolt.
type Replication struct {
	// Role is "primary" or "standby".
	Role string `json:"role"`
	// LagSeconds (standby) is how far the data read here is behind the
	// primary: 0 when every change received has been replayed, else the
	// age of the last replayed transaction. A document committed on the
	// primary is answered here at most this long after.
	LagSeconds float64 `json:"lag_seconds"`
	// LagBytes (standby) is the WAL received but not yet replayed.
	LagBytes int64 `json:"lag_bytes"`
	// Receiving (standby) is false when no WAL receiver is connected to
	// the primary: the lag then grows until it reconnects.
	Receiving bool `json:"receiving"`
	// Standbys (primary) are the connected streaming replicas.
	Standbys []StandbyState `json:"standbys,omitempty"`
}

// StandbyState is one streaming replica as the primary sees it
// (pg_stat_replication). Fields other than the state need the pg_monitor
// role and are zero without it.
type StandbyState struct {
	Name       string  `json:"name"`  // application_name
	Addr       string  `json:"addr"`  // client address
	State      string  `json:"state"` // streaming, catchup, …
	LagSeconds float64 `json:"lag_seconds"`
	LagBytes   int64   `json:"lag_bytes"`
}

// Standby reports whether the store is a PostgreSQL hot standby, which
// serves reads only.
func (s *Store) Standby() bool { return s.standby }

// checkWritable fails writes on a hot standby with ErrReadOnly.
func (s *Store) checkWritable() error {
	if s.standby {
		return fmt.Errorf("graph: %w", ErrReadOnly)
	}
	return nil
}

// replication reads the replication state; nil on bolt.
func (s *Store) replication(ctx context.Context) (*Replication, error) {
	if s.db == nil {
		return nil, nil
	}
	if s.standby {
		r := &Replication{Role: "standby"}
		var lag sql.NullFloat64
		var bytes sql.NullInt64
		err := s.db.QueryRowContext(ctx, `SELECT
			CASE WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0
			     ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::float8 END,
			pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::bigint,
			EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming')`).Scan(&lag, &bytes, &r.Receiving)
		if err != nil {
			return nil, fmt.Errorf("replication lag: %w", err)
		}
		r.LagSeconds, r.LagBytes = max(lag.Float64, 0), bytes.Int64
		return r, nil
	}
	r := &Replication{Role: "primary"}
	rows, err := s.db.QueryContext(ctx, `SELECT application_name, COALESCE(host(client_addr), ''), COALESCE(state, ''),
		COALESCE(EXTRACT(EPOCH FROM replay_lag)::float8, 0),
		COALESCE(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint, 0)
		FROM pg_stat_replication ORDER BY application_name, client_addr`)
	if err != nil {
		return nil, fmt.Errorf("replication: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var st StandbyState
		if err := rows.Scan(&st.Name, &st.Addr, &st.State, &st.LagSeconds, &st.LagBytes); err != nil {
			return nil, fmt.Errorf("replication: %w", err)
		}
		r.Standbys = append(r.Standbys, st)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("replication: %w", err)
	}
	return r, nil
}
