-- Challenges the card signs: random nonces, bound to their purpose and enterprise, used once, short-lived.
CREATE TABLE card_challenge (
    challenge_id  VARCHAR(64)  PRIMARY KEY,
    nonce         BYTEA        NOT NULL,
    purpose       VARCHAR(16)  NOT NULL,
    enterprise_id VARCHAR(64),
    expires_at    TIMESTAMPTZ  NOT NULL,
    used_at       TIMESTAMPTZ
);
CREATE INDEX card_challenge_expiry ON card_challenge (expires_at);
