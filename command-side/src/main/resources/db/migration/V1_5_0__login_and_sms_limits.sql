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

-- SMS codes sent per day (China time), per phone (by a hash of it: phones are never stored) and per attempt.
CREATE TABLE sms_send_quota (
    quota_key VARCHAR(80) NOT NULL,
    day       DATE        NOT NULL,
    sends     INTEGER     NOT NULL,
    PRIMARY KEY (quota_key, day)
);
