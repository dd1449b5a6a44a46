-- Mutations sent with an Idempotency-Key header: the first one runs, repeats get its stored answer. Rows are kept
-- for a day (a recurring task deletes older ones).
CREATE TABLE idempotent_request (
    caller          VARCHAR(128) NOT NULL,
    idempotency_key VARCHAR(128) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    -- NULL while the first request runs.
    response        TEXT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, idempotency_key)
);
CREATE INDEX idempotent_request_created ON idempotent_request (created_at);
