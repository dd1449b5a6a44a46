-- State nonces of bank UKey redirects: a callback must echo one, once, in time, through the same bank.
CREATE TABLE bank_ukey_state (
    state         VARCHAR(64) PRIMARY KEY,
    attempt_id    VARCHAR(64) NOT NULL,
    enterprise_id VARCHAR(64) NOT NULL,
    bank          VARCHAR(8)  NOT NULL,
    uscc          VARCHAR(18) NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL,
    used_at       TIMESTAMPTZ
);
