-- Manual §2.3 (3): the files of evidence of correction cases, as uploaded (PDF, JPEG or PNG by their content).
CREATE TABLE correction_evidence (
    evidence_id  VARCHAR(64)  PRIMARY KEY,
    case_id      VARCHAR(64)  NOT NULL,
    file_name    VARCHAR(200) NOT NULL,
    content_type VARCHAR(40)  NOT NULL,
    size         BIGINT       NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    content      BYTEA        NOT NULL,
    stored_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX correction_evidence_case ON correction_evidence (case_id);
