-- How far the bulk build of the projection at start-up has got (greffe.caseload.bulk-catch-up-threshold). The build
-- runs in one transaction that no other connection sees until it commits, so its builder reports here, in
-- transactions of their own, about every second: readers on every instance are told how far it is and how long to
-- wait. One row, rewritten by each report; a report older than a few seconds is a builder that died.
CREATE TABLE caseload_catch_up (
    id                INT              PRIMARY KEY CHECK (id = 1),
    running           BOOLEAN          NOT NULL,
    events_read       BIGINT           NOT NULL,
    head              BIGINT           NOT NULL,
    events_per_second DOUBLE PRECISION NOT NULL,
    reported_at       TIMESTAMPTZ
);
INSERT INTO caseload_catch_up (id, running, events_read, head, events_per_second) VALUES (1, false, 0, 0, 0);
