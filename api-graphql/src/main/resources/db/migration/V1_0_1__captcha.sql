-- Captchas live in the database, not in one node's memory, so any node can check an answer.
CREATE TABLE captcha (
    captcha_id  VARCHAR(64) PRIMARY KEY,
    answer_hash VARCHAR(64) NOT NULL,
    -- Only the sandbox profile fills this, for sandboxCaptchaAnswer; elsewhere the answer is kept hashed only.
    sandbox_answer VARCHAR(8),
    expires_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX captcha_expiry ON captcha (expires_at);
