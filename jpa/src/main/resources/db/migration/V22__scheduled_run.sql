-- Which node last claimed each piece of scheduled work (ScheduledRuns): on a cluster, the first node to claim a
-- period's run does it and the others skip it.
CREATE TABLE scheduled_run (
    name VARCHAR(64) PRIMARY KEY,
    claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    node VARCHAR(255) NOT NULL
);
