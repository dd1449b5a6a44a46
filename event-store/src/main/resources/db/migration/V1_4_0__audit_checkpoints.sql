-- Signed audit checkpoints (Checkpoints). Each stream's head (aggregate, sequence, audit hash) as last signed with the
-- platform's SM2 key, whose private half never enters the database; and a signed record of each checkpoint, naming
-- how many current heads each checkpoint signed, so a row removed, added or put back from an older checkpoint shows.
CREATE TABLE audit_checkpoint (
    checkpoint_id  BIGINT       PRIMARY KEY,
    taken_at       TIMESTAMPTZ  NOT NULL,
    -- Where the next checkpoint reads on from: the event store's tracking token, serialized.
    position_type  VARCHAR(255),
    position       BYTEA,
    events_read    BIGINT       NOT NULL,
    streams_signed BIGINT       NOT NULL,
    streams_refused BIGINT      NOT NULL,
    -- "checkpoint id:current heads" per checkpoint, ascending: the heads table as this checkpoint left it.
    heads_by_checkpoint TEXT    NOT NULL,
    key_id         VARCHAR(64)  NOT NULL,
    signature      BYTEA        NOT NULL
);

CREATE TABLE audit_signed_head (
    aggregate_id    VARCHAR(255) PRIMARY KEY,
    -- The enterprise whose history the stream belongs to, as its last signed event said (null: none).
    enterprise_id   VARCHAR(255),
    sequence_number BIGINT       NOT NULL,
    audit_hash      VARCHAR(80)  NOT NULL,
    checkpoint_id   BIGINT       NOT NULL,
    key_id          VARCHAR(64)  NOT NULL,
    signature       BYTEA        NOT NULL
);
CREATE INDEX audit_signed_head_enterprise ON audit_signed_head (enterprise_id);
CREATE INDEX audit_signed_head_checkpoint ON audit_signed_head (checkpoint_id);
