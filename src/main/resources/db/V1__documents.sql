CREATE TABLE documents (
  seq   INTEGER PRIMARY KEY AUTOINCREMENT,
  kind  TEXT NOT NULL,
  scope TEXT NOT NULL,
  id    TEXT NOT NULL,
  body  TEXT NOT NULL,
  UNIQUE (kind, scope, id)
);
CREATE INDEX documents_scope ON documents (scope);
CREATE INDEX documents_kind_id ON documents (kind, id);
