-- Manual §2.3 (3): correction cases and the files of evidence they hold (their content stays on the command side).
CREATE TABLE correction_case_view (
    case_id          VARCHAR(64)   PRIMARY KEY,
    enterprise_id    VARCHAR(64)   NOT NULL,
    administrator_id VARCHAR(64)   NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    name             VARCHAR(200)  NOT NULL,
    uscc             VARCHAR(18)   NOT NULL,
    org_code         VARCHAR(9)    NOT NULL,
    explanation      VARCHAR(1000) NOT NULL,
    opened_at        TIMESTAMPTZ   NOT NULL,
    submitted_at     TIMESTAMPTZ,
    -- The case's place in staff's queue: when it was submitted, or opened while a draft.
    queued_at        TIMESTAMPTZ   NOT NULL,
    decided_at       TIMESTAMPTZ,
    decided_by       VARCHAR(64),
    reason           VARCHAR(200),
    version          BIGINT        NOT NULL
);
CREATE INDEX correction_case_queue ON correction_case_view (status, queued_at, case_id);

CREATE TABLE correction_evidence_view (
    evidence_id  VARCHAR(64)  PRIMARY KEY,
    case_id      VARCHAR(64)  NOT NULL,
    file_name    VARCHAR(200) NOT NULL,
    content_type VARCHAR(40)  NOT NULL,
    size         BIGINT       NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    uploaded_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX correction_evidence_view_case ON correction_evidence_view (case_id, uploaded_at);
