-- Bulk legacy imports (docs/migration.md): one row per file run, its counts, and each rejected row.
CREATE TABLE legacy_import (
    import_id   VARCHAR(36) PRIMARY KEY,
    format      VARCHAR(10) NOT NULL,
    state       VARCHAR(10) NOT NULL,
    rows_total  INT NOT NULL,
    rows_done   INT NOT NULL DEFAULT 0,
    accepted    INT NOT NULL DEFAULT 0,
    unchanged   INT NOT NULL DEFAULT 0,
    rejected    INT NOT NULL DEFAULT 0,
    started_by  VARCHAR(64) NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    -- Moved on with every row: a RUNNING import not moved for a minute was interrupted (its node stopped).
    updated_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    failure     VARCHAR(300)
);

CREATE TABLE legacy_import_rejection (
    import_id  VARCHAR(36) NOT NULL REFERENCES legacy_import (import_id),
    line       INT NOT NULL,
    uscc       VARCHAR(40),
    code       VARCHAR(60) NOT NULL,
    message    VARCHAR(500) NOT NULL,
    message_zh VARCHAR(500) NOT NULL,
    PRIMARY KEY (import_id, line)
);
