-- Conversations and their messages. Not ledger tables: a conversation's state changes in place
-- (guarded by a version column); messages are only ever appended.
CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL,
    state TEXT NOT NULL,
    language TEXT NOT NULL,
    queue TEXT,
    priority BIGINT NOT NULL DEFAULT 0,
    queued_at TEXT,
    agent_id TEXT,
    memory TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL
);
CREATE INDEX conversations_customer ON conversations (customer_id);
CREATE INDEX conversations_queue ON conversations (state, queue);

CREATE TABLE messages (
    conversation_id TEXT NOT NULL REFERENCES conversations (id),
    seq BIGINT NOT NULL,
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    language TEXT,
    intent TEXT,
    confidence DOUBLE PRECISION,
    quick_replies TEXT NOT NULL,
    engine_us BIGINT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (conversation_id, seq)
);

CREATE TRIGGER messages_append_only BEFORE UPDATE OR DELETE ON messages
    FOR EACH ROW EXECUTE FUNCTION fairdesk_append_only();
