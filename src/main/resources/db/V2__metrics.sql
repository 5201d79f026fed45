CREATE TABLE metric_series (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  scope       TEXT NOT NULL,
  namespace   TEXT NOT NULL,
  metric_name TEXT NOT NULL,
  dimensions  TEXT NOT NULL,
  last_seen   BIGINT NOT NULL,
  UNIQUE (scope, namespace, metric_name, dimensions)
);
CREATE INDEX metric_series_name ON metric_series (scope, namespace, metric_name);
CREATE TABLE metric_points (
  series_id    BIGINT NOT NULL,
  resolution   INTEGER NOT NULL,
  start        BIGINT NOT NULL,
  unit         TEXT NOT NULL,
  sample_count DOUBLE PRECISION NOT NULL,
  sum          DOUBLE PRECISION NOT NULL,
  minimum      DOUBLE PRECISION NOT NULL,
  maximum      DOUBLE PRECISION NOT NULL,
  sketch       BLOB,
  PRIMARY KEY (series_id, resolution, start, unit)
);
CREATE INDEX metric_points_age ON metric_points (resolution, start)
