-- What the operations dashboard needs and the conversation row did not keep (issue 12): when it was
-- first handed to a person and to which queue (the handoff reason; `queue` is cleared on resolve
-- and hand-back), when a person first joined, when the bot first resolved an errand, when it was
-- last closed, and the first errand the bot recognised. The store sets them in its one update of a
-- conversation, so every path that changes a conversation's state keeps them right.
ALTER TABLE conversations ADD COLUMN handed_at TEXT;
ALTER TABLE conversations ADD COLUMN handed_queue TEXT;
ALTER TABLE conversations ADD COLUMN joined_at TEXT;
ALTER TABLE conversations ADD COLUMN bot_resolved_at TEXT;
ALTER TABLE conversations ADD COLUMN closed_at TEXT;
ALTER TABLE conversations ADD COLUMN errand TEXT;

-- Conversations from before: what can still be known. A queued one was handed at `queued_at`; a
-- closed one closed at its last change. The rest stays unknown (NULL) and counts as not recorded.
UPDATE conversations SET handed_at = queued_at, handed_queue = queue WHERE queued_at IS NOT NULL;
UPDATE conversations SET closed_at = updated_at WHERE state = 'closed';

-- The stats read conversations by when they started.
CREATE INDEX conversations_created ON conversations (created_at);
