-- SMS codes of the bank-card route: six digits, kept only as a salted SHA-256, bound to the phone and card they
-- were sent for, valid minutes; never part of the event history.
CREATE TABLE sms_code (
    attempt_id     VARCHAR(64)  NOT NULL,
    subject        VARCHAR(16)  NOT NULL,
    code_hash      VARCHAR(64)  NOT NULL,
    salt           VARCHAR(32)  NOT NULL,
    binding_hash   VARCHAR(64)  NOT NULL,
    expires_at     TIMESTAMPTZ  NOT NULL,
    resend_after   TIMESTAMPTZ  NOT NULL,
    wrong_entries  INTEGER      NOT NULL DEFAULT 0,
    PRIMARY KEY (attempt_id, subject)
);

-- Identity checks per person per day, so that the service cannot be used to test stolen data at scale.
CREATE TABLE identity_check_quota (
    person_hash VARCHAR(64) NOT NULL,
    day         DATE        NOT NULL,
    checks      INTEGER     NOT NULL,
    PRIMARY KEY (person_hash, day)
);

-- The sandbox's simulated CTID, bank-card check and SMS gateway (only the sandbox profile uses them).
CREATE TABLE sandbox_person (
    document_number VARCHAR(40)  PRIMARY KEY,
    document_type   VARCHAR(40)  NOT NULL,
    name            VARCHAR(100) NOT NULL,
    id_valid_from   VARCHAR(8),
    id_valid_to     VARCHAR(8),
    in_ctid         BOOLEAN      NOT NULL
);

CREATE TABLE sandbox_bank_card (
    card_number     VARCHAR(32)  PRIMARY KEY,
    name            VARCHAR(100) NOT NULL,
    document_type   VARCHAR(40)  NOT NULL,
    document_number VARCHAR(40)  NOT NULL,
    phone           VARCHAR(20)  NOT NULL
);

CREATE TABLE sandbox_sms_outbox (
    id      BIGSERIAL    PRIMARY KEY,
    phone   VARCHAR(20)  NOT NULL,
    text    VARCHAR(500) NOT NULL,
    sent_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX sandbox_sms_outbox_phone ON sandbox_sms_outbox (phone, id);

-- db-scheduler's table, which Axon's DbSchedulerDeadlineManager uses for durable deadlines (attempt expiry).
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);
