-- Owned by the audit service: the Merkle tree of RFC 6962 over the sealed log, and the heads Greffe signs.
--
-- Leaf i of the tree is the i-th sealed event in global order (0 for the first); its leaf input is the event's global
-- chain hash (audit_chain.hash, 32 bytes), which already commits to the event's content, its authentication having
-- been checked, and to every event before it. A leaf's hash is SHA-256(0x00 || chain hash).
--
-- audit_tree_leaf maps a sealed event to its leaf. audit_tree_node holds the hash of every complete subtree: 2^level
-- leaves starting at leaf idx * 2^level (level 0: the leaf hashes). A proof needs O(log n) of these rows. The tree is
-- grown by the sealer, in the transaction that seals the events, so it never lags the chain; POST /api/audit/verify
-- recomputes it from the chain.
CREATE TABLE audit_tree_leaf (
    leaf_index   BIGINT PRIMARY KEY,
    global_index BIGINT NOT NULL UNIQUE
);

CREATE TABLE audit_tree_node (
    level SMALLINT NOT NULL,
    idx   BIGINT   NOT NULL,
    hash  BYTEA    NOT NULL,
    PRIMARY KEY (level, idx)
);

-- A signed tree head: the tree's size and root at a time, signed with Ed25519 by a key kept outside the database
-- (head-signing.key in greffe.keys.dir). The signed message is the text described in TreeHead and the README.
CREATE TABLE audit_tree_head (
    tree_size BIGINT       PRIMARY KEY,
    root_hash BYTEA        NOT NULL,
    signed_at TIMESTAMPTZ  NOT NULL,
    key_id    VARCHAR(64)  NOT NULL,
    signature BYTEA        NOT NULL
);

CREATE INDEX audit_tree_head_signed_at ON audit_tree_head (signed_at);

CREATE FUNCTION audit_tree_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END
$$;

CREATE TRIGGER audit_tree_leaf_append_only BEFORE UPDATE OR DELETE ON audit_tree_leaf
    FOR EACH ROW EXECUTE FUNCTION audit_tree_append_only();
CREATE TRIGGER audit_tree_leaf_no_truncate BEFORE TRUNCATE ON audit_tree_leaf
    FOR EACH STATEMENT EXECUTE FUNCTION audit_tree_append_only();
CREATE TRIGGER audit_tree_node_append_only BEFORE UPDATE OR DELETE ON audit_tree_node
    FOR EACH ROW EXECUTE FUNCTION audit_tree_append_only();
CREATE TRIGGER audit_tree_node_no_truncate BEFORE TRUNCATE ON audit_tree_node
    FOR EACH STATEMENT EXECUTE FUNCTION audit_tree_append_only();
CREATE TRIGGER audit_tree_head_append_only BEFORE UPDATE OR DELETE ON audit_tree_head
    FOR EACH ROW EXECUTE FUNCTION audit_tree_append_only();
CREATE TRIGGER audit_tree_head_no_truncate BEFORE TRUNCATE ON audit_tree_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_tree_append_only();
