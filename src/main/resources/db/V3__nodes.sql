CREATE TABLE nodes (
  node_id    TEXT PRIMARY KEY,
  address    TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  last_seen  BIGINT NOT NULL
)
