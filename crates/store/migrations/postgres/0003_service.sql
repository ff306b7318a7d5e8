-- Who may use the service: human agents (argon2 password hashes, sessions with a CSRF token),
-- merchants' API keys, and the customers' ratings of their conversations. Secrets are stored only
-- as hashes: a leaked table holds no usable session or key.
CREATE TABLE agents (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE agent_sessions (
    token_hash TEXT PRIMARY KEY,
    agent_id TEXT NOT NULL REFERENCES agents (id),
    csrf_token TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE merchant_keys (
    key_hash TEXT PRIMARY KEY,
    merchant_id TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE feedback (
    conversation_id TEXT PRIMARY KEY REFERENCES conversations (id),
    score BIGINT NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment TEXT,
    created_at TEXT NOT NULL
);
