-- The ledger: operations (the idempotency log), postings, and versions of each aggregate.
-- Append-only: triggers refuse every UPDATE and DELETE.
CREATE TABLE operations (
    seq BIGSERIAL PRIMARY KEY,
    idem_key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    op TEXT NOT NULL,
    as_of TEXT NOT NULL,
    accepted BIGINT NOT NULL CHECK (accepted IN (0, 1)),
    outcome TEXT NOT NULL
);

CREATE TABLE postings (
    op_seq BIGINT NOT NULL REFERENCES operations (seq),
    n BIGINT NOT NULL,
    debit TEXT NOT NULL,
    credit TEXT NOT NULL,
    currency TEXT NOT NULL,
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    PRIMARY KEY (op_seq, n),
    CHECK (debit <> credit)
);
CREATE INDEX postings_debit ON postings (debit);
CREATE INDEX postings_credit ON postings (credit);

CREATE TABLE customer_versions (
    customer_id TEXT NOT NULL,
    version BIGINT NOT NULL CHECK (version > 0),
    op_seq BIGINT NOT NULL REFERENCES operations (seq),
    state TEXT NOT NULL,
    PRIMARY KEY (customer_id, version)
);

CREATE TABLE merchant_versions (
    merchant_id TEXT NOT NULL,
    version BIGINT NOT NULL CHECK (version > 0),
    op_seq BIGINT NOT NULL REFERENCES operations (seq),
    state TEXT NOT NULL,
    PRIMARY KEY (merchant_id, version)
);

CREATE TABLE order_versions (
    order_id TEXT NOT NULL,
    version BIGINT NOT NULL CHECK (version > 0),
    op_seq BIGINT NOT NULL REFERENCES operations (seq),
    customer_id TEXT NOT NULL,
    merchant_id TEXT NOT NULL,
    status TEXT NOT NULL,
    state TEXT NOT NULL,
    PRIMARY KEY (order_id, version)
);
CREATE INDEX order_versions_customer ON order_versions (customer_id);

CREATE FUNCTION fairdesk_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER operations_append_only BEFORE UPDATE OR DELETE ON operations
    FOR EACH ROW EXECUTE FUNCTION fairdesk_append_only();
CREATE TRIGGER postings_append_only BEFORE UPDATE OR DELETE ON postings
    FOR EACH ROW EXECUTE FUNCTION fairdesk_append_only();
CREATE TRIGGER customer_versions_append_only BEFORE UPDATE OR DELETE ON customer_versions
    FOR EACH ROW EXECUTE FUNCTION fairdesk_append_only();
CREATE TRIGGER merchant_versions_append_only BEFORE UPDATE OR DELETE ON merchant_versions
    FOR EACH ROW EXECUTE FUNCTION fairdesk_append_only();
CREATE TRIGGER order_versions_append_only BEFORE UPDATE OR DELETE ON order_versions
    FOR EACH ROW EXECUTE FUNCTION fairdesk_append_only();
CREATE TRIGGER ledger_no_truncate BEFORE TRUNCATE ON postings
    FOR EACH STATEMENT EXECUTE FUNCTION fairdesk_append_only();
