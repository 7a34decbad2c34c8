-- What a sweep ran and how it ended: the pool mode of its cells, when it ended, and why it stopped early (null
-- when every cell ran). The cells that were skipped are the grid positions with no run.
ALTER TABLE sweep ADD COLUMN pool_mode CHARACTER VARYING(16);
ALTER TABLE sweep ADD COLUMN ended_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sweep ADD COLUMN stop_reason CHARACTER VARYING(4000);

-- Physical connect time of each side, so the cost of churn (connections opened × mean connect time) can be told
-- after the run. Null for runs recorded before this version.
ALTER TABLE run_pool ADD COLUMN creation_mean_ms DOUBLE PRECISION;
ALTER TABLE run_pool ADD COLUMN creation_p95_ms DOUBLE PRECISION;
