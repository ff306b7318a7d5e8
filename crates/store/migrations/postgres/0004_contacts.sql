-- Customers' contact details (personal data, kept apart from the append-only ledger so they can be
-- corrected or erased). The chat shows them only masked; changes go through the secure link.
CREATE TABLE customer_contacts (
    customer_id TEXT PRIMARY KEY,
    email TEXT,
    phone TEXT,
    updated_at TEXT NOT NULL
);
