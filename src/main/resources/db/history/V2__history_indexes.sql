-- Listing is by newest first, often filtered by label; finding a run's import twice is by key.
CREATE INDEX run_started ON run (started_at DESC);
CREATE INDEX run_label ON run (label);
CREATE INDEX run_status ON run (status);
CREATE UNIQUE INDEX run_import_key ON run (import_key);
