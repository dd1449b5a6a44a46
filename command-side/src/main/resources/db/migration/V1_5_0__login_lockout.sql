-- Refused logins per user name, whether or not an account has it (LoginLockout): a name with too many refusals in
-- the window is locked for a fixed time that attempts during the lock do not extend, and an unknown name is answered
-- exactly as a known one.
CREATE TABLE login_lockout (
    username_key VARCHAR(64) PRIMARY KEY,
    failures     INTEGER     NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    locked_until TIMESTAMPTZ
);
CREATE INDEX login_lockout_window ON login_lockout (window_start);

-- User names are unique without regard to case: 'Bars-Ops' may not stand beside 'bars-ops'.
CREATE UNIQUE INDEX account_credential_username_folded ON account_credential (lower(username));
