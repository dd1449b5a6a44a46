-- Sessions ended before their tokens expire (manual §2.1 安全退出), kept until then: a logout ends one session.
CREATE TABLE session_revocation (
    session_id VARCHAR(64) PRIMARY KEY,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX session_revocation_expiry ON session_revocation (expires_at);

-- An account's sessions cut at once: those begun before cut_at end, but kept_session_id (the session that changed
-- the password); a disabled account has no session at all.
CREATE TABLE account_session_cut (
    account_id      VARCHAR(64) PRIMARY KEY,
    cut_at          TIMESTAMPTZ NOT NULL,
    kept_session_id VARCHAR(64),
    disabled        BOOLEAN     NOT NULL
);
