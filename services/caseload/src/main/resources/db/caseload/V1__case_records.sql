-- Owned by the caseload service: one record per case, folded from its events by CaseloadProjection.
-- Written in the same transaction as the processor's token, so a crash never loses or double-counts an event.

CREATE TABLE caseload_case (
    case_id        VARCHAR(64) PRIMARY KEY,
    tribunal_id    VARCHAR(64) NOT NULL,  -- where the case is now (or was last)
    offence        VARCHAR(32) NOT NULL,
    filed_on       DATE        NOT NULL,
    last_sequence  BIGINT      NOT NULL,  -- last event folded in; replays skip older ones
    record         JSONB       NOT NULL   -- the CaseRecord: spells, suspensions, trial facts
);

-- Every tribunal a case has ever been at, to load a tribunal's cases without scanning all records.
CREATE TABLE caseload_case_tribunal (
    tribunal_id VARCHAR(64) NOT NULL,
    case_id     VARCHAR(64) NOT NULL REFERENCES caseload_case (case_id) ON DELETE CASCADE,
    PRIMARY KEY (tribunal_id, case_id)
);
