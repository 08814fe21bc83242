-- Docket imports run as jobs: one row per import, its counts brought up to date after every chunk, so that any
-- instance can answer how far it got, and a job whose instance stopped is seen as stopped (its heartbeat ages).
-- Rejected rows are not kept here: a rejection quotes up to 40 characters of a cell, which may hold what a clerk
-- typed in the wrong column; they stay in the memory of the instance that ran the job.
CREATE TABLE registry_import_job (
    job_id           UUID         PRIMARY KEY,
    file_label       VARCHAR(255) NOT NULL, -- "upload by <stored user>" or the file's name
    user_ref         VARCHAR(255) NOT NULL, -- stored form, as in event metadata
    instance_id      VARCHAR(64)  NOT NULL,
    state            VARCHAR(16)  NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
    rows_total       INTEGER      NOT NULL,
    rows_done        INTEGER      NOT NULL DEFAULT 0,
    accepted         INTEGER      NOT NULL DEFAULT 0,
    already_imported INTEGER      NOT NULL DEFAULT 0,
    rejected         INTEGER      NOT NULL DEFAULT 0,
    error            VARCHAR(1000),
    started_at       TIMESTAMPTZ  NOT NULL,
    heartbeat_at     TIMESTAMPTZ  NOT NULL,
    finished_at      TIMESTAMPTZ
);
