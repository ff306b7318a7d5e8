-- The ledger: operations (the idempotency log), postings, and versions of each aggregate.
-- Append-only: triggers refuse every UPDATE and DELETE.
CREATE TABLE operations (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    idem_key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    op TEXT NOT NULL,
    as_of TEXT NOT NULL,
    accepted INTEGER NOT NULL CHECK (accepted IN (0, 1)),
    outcome TEXT NOT NULL
);

CREATE TABLE postings (
    op_seq INTEGER NOT NULL REFERENCES operations (seq),
    n INTEGER NOT NULL,
    debit TEXT NOT NULL,
    credit TEXT NOT NULL,
    currency TEXT NOT NULL,
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    PRIMARY KEY (op_seq, n),
    CHECK (debit <> credit)
);
CREATE INDEX postings_debit ON postings (debit);
CREATE INDEX postings_credit ON postings (credit);

CREATE TABLE customer_versions (
    customer_id TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version > 0),
    op_seq INTEGER NOT NULL REFERENCES operations (seq),
    state TEXT NOT NULL,
    PRIMARY KEY (customer_id, version)
);

CREATE TABLE merchant_versions (
    merchant_id TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version > 0),
    op_seq INTEGER NOT NULL REFERENCES operations (seq),
    state TEXT NOT NULL,
    PRIMARY KEY (merchant_id, version)
);

CREATE TABLE order_versions (
    order_id TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version > 0),
    op_seq INTEGER NOT NULL REFERENCES operations (seq),
    customer_id TEXT NOT NULL,
    merchant_id TEXT NOT NULL,
    status TEXT NOT NULL,
    state TEXT NOT NULL,
    PRIMARY KEY (order_id, version)
);
CREATE INDEX order_versions_customer ON order_versions (customer_id);

CREATE TRIGGER operations_append_only_u BEFORE UPDATE ON operations
BEGIN SELECT RAISE(ABORT, 'operations are append-only'); END;
CREATE TRIGGER operations_append_only_d BEFORE DELETE ON operations
BEGIN SELECT RAISE(ABORT, 'operations are append-only'); END;
CREATE TRIGGER postings_append_only_u BEFORE UPDATE ON postings
BEGIN SELECT RAISE(ABORT, 'postings are append-only'); END;
CREATE TRIGGER postings_append_only_d BEFORE DELETE ON postings
BEGIN SELECT RAISE(ABORT, 'postings are append-only'); END;
CREATE TRIGGER customer_versions_append_only_u BEFORE UPDATE ON customer_versions
BEGIN SELECT RAISE(ABORT, 'customer versions are append-only'); END;
CREATE TRIGGER customer_versions_append_only_d BEFORE DELETE ON customer_versions
BEGIN SELECT RAISE(ABORT, 'customer versions are append-only'); END;
CREATE TRIGGER merchant_versions_append_only_u BEFORE UPDATE ON merchant_versions
BEGIN SELECT RAISE(ABORT, 'merchant versions are append-only'); END;
CREATE TRIGGER merchant_versions_append_only_d BEFORE DELETE ON merchant_versions
BEGIN SELECT RAISE(ABORT, 'merchant versions are append-only'); END;
CREATE TRIGGER order_versions_append_only_u BEFORE UPDATE ON order_versions
BEGIN SELECT RAISE(ABORT, 'order versions are append-only'); END;
CREATE TRIGGER order_versions_append_only_d BEFORE DELETE ON order_versions
BEGIN SELECT RAISE(ABORT, 'order versions are append-only'); END;
