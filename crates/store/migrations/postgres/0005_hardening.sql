-- Hardening (issue 13).
--
-- CSRF tokens are kept only as their SHA-256, like session tokens: sessions from before stored the
-- token itself, so they are ended (their agents log in again).
DELETE FROM agent_sessions;
ALTER TABLE agent_sessions RENAME COLUMN csrf_token TO csrf_hash;
CREATE INDEX agent_sessions_agent ON agent_sessions (agent_id, created_at);

-- Failed logins per subject (`name:<agent name>` or `addr:<client address>`), shared by every
-- process: the back-off runs until `blocked_until`; `locked` holds until a supervisor lifts it.
CREATE TABLE login_throttle (
    subject TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    blocked_until TEXT,
    locked INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);

-- Complaint references handed to customers: unique, and kept with the conversation they came from.
CREATE TABLE complaints (
    reference TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations (id),
    customer_id TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE INDEX messages_created ON messages (conversation_id, author, created_at);
