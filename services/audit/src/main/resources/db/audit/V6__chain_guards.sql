-- Greffe's role may insert into the audit chain, the tree and the access log (the sealer and the access log run as
-- that role), so the rows themselves must be possible ones. A chain row at a far future global index used to become
-- the sealer's head: nothing more was sealed, and the sealing status said nothing was waiting.

-- A chain row must seal a stored event, the next one after the current head, linked to the head's hash. The sealer's own
-- lock (the same two keys as JdbcChainSealer's) lines inserters up, and in read committed the head read after it is
-- the last committed one, so the head read here is the one the row follows.
CREATE FUNCTION audit_chain_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    head_index BIGINT;
    head_hash  BYTEA;
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION '% rows are written in read committed transactions only, not in %', TG_TABLE_NAME,
            current_setting('transaction_isolation');
    END IF;
    PERFORM pg_advisory_xact_lock(1735550310, 1667785065);
    IF NOT EXISTS (SELECT 1 FROM domain_event_entry e
                   WHERE e.global_index = NEW.global_index AND e.event_identifier = NEW.event_identifier) THEN
        RAISE EXCEPTION 'audit_chain refuses global index %: no stored event % there', NEW.global_index,
            NEW.event_identifier;
    END IF;
    SELECT c.global_index, c.hash INTO head_index, head_hash FROM audit_chain c ORDER BY c.global_index DESC LIMIT 1;
    IF head_index IS NOT NULL AND NEW.global_index <= head_index THEN
        RAISE EXCEPTION 'audit_chain refuses global index %: the chain is already sealed through %',
            NEW.global_index, head_index;
    END IF;
    -- The sealer never passes a stored event (it stops at one it refuses); only indexes no event holds are skipped.
    IF EXISTS (SELECT 1 FROM domain_event_entry e
               WHERE e.global_index > coalesce(head_index, 0) AND e.global_index < NEW.global_index) THEN
        RAISE EXCEPTION 'audit_chain refuses global index %: stored events above the head % would be left unsealed',
            NEW.global_index, coalesce(head_index, 0);
    END IF;
    IF NEW.previous_hash IS DISTINCT FROM coalesce(head_hash,
            '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea) THEN
        RAISE EXCEPTION 'audit_chain refuses global index %: its previous hash is not the hash of the chain''s head',
            NEW.global_index;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_chain_guard
    BEFORE INSERT ON audit_chain
    FOR EACH ROW EXECUTE FUNCTION audit_chain_guard();

-- A leaf is the next one, for a sealed event above the last leaf's (leaves follow the chain's global order).
CREATE FUNCTION audit_tree_leaf_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last_leaf   BIGINT;
    last_global BIGINT;
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION '% rows are written in read committed transactions only, not in %', TG_TABLE_NAME,
            current_setting('transaction_isolation');
    END IF;
    PERFORM pg_advisory_xact_lock(1735550310, 1667785065);
    SELECT l.leaf_index, l.global_index INTO last_leaf, last_global
    FROM audit_tree_leaf l ORDER BY l.leaf_index DESC LIMIT 1;
    IF NEW.leaf_index <> coalesce(last_leaf + 1, 0) THEN
        RAISE EXCEPTION 'audit_tree_leaf refuses leaf %: the next leaf is %', NEW.leaf_index,
            coalesce(last_leaf + 1, 0);
    END IF;
    IF last_global IS NOT NULL AND NEW.global_index <= last_global THEN
        RAISE EXCEPTION 'audit_tree_leaf refuses global index %: the last leaf is already at %', NEW.global_index,
            last_global;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.global_index = NEW.global_index) THEN
        RAISE EXCEPTION 'audit_tree_leaf refuses global index %: it is not sealed in audit_chain', NEW.global_index;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_tree_leaf_guard
    BEFORE INSERT ON audit_tree_leaf
    FOR EACH ROW EXECUTE FUNCTION audit_tree_leaf_guard();

-- An outcome belongs to a recorded entry: none may be written ahead for an id not handed out yet.
DO $$
DECLARE
    orphans BIGINT;
BEGIN
    SELECT count(*) INTO orphans FROM access_log_outcome o
    WHERE NOT EXISTS (SELECT 1 FROM access_log a WHERE a.id = o.access_log_id);
    IF orphans > 0 THEN
        RAISE EXCEPTION '% row(s) of access_log_outcome name no entry of access_log (written ahead for ids not yet '
            'handed out): have them examined, then removed as the README says, and start again', orphans;
    END IF;
END
$$;
ALTER TABLE access_log_outcome
    ADD CONSTRAINT access_log_outcome_entry FOREIGN KEY (access_log_id) REFERENCES access_log (id);

-- The time of an entry is the database's, taken under the chain's lock (so times follow ids), not the inserter's.
CREATE OR REPLACE FUNCTION access_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    previous BYTEA;
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'access_log entries are chained in read committed transactions only, not in %',
            current_setting('transaction_isolation');
    END IF;
    PERFORM pg_advisory_xact_lock(1735550310, 1633903461);
    NEW.id := nextval('access_log_id_seq');
    NEW.at := clock_timestamp();
    SELECT hash INTO previous FROM access_log ORDER BY id DESC LIMIT 1;
    NEW.previous_hash := coalesce(previous,
            '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);
    NEW.hash := greffe_access_link(NEW.id, NEW.at, NEW.user_name, NEW.roles, NEW.method, NEW.path, NEW.operation,
                                   NEW.case_id, NEW.tribunal_id, NEW.client, NEW.previous_hash);
    RETURN NEW;
END
$$;

-- Every function of the audit service resolves names in pg_catalog and this schema, and in pg_temp last: a temporary
-- table or sequence named like one of Greffe's (pg_temp is otherwise searched first) cannot divert them.
DO $$
DECLARE
    f REGPROCEDURE;
BEGIN
    FOREACH f IN ARRAY ARRAY['access_log_append_only()', 'access_log_outcome_append_only()', 'access_log_chain()',
                             'greffe_access_field(bytea)',
                             'greffe_access_link(bigint, timestamptz, varchar, varchar, varchar, varchar, varchar, '
                                 'varchar, varchar, varchar, bytea)',
                             'audit_chain_append_only()', 'audit_tree_append_only()', 'audit_chain_guard()',
                             'audit_tree_leaf_guard()']::regprocedure[] LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, %I, pg_temp', f, current_schema());
    END LOOP;
END
$$;
