-- Dashboards: outcome counts per China-time day, method, outcome and reason code. No personal data.
CREATE TABLE certification_daily_stats (
    day     DATE        NOT NULL,
    method  VARCHAR(16) NOT NULL,
    outcome VARCHAR(16) NOT NULL,
    reason  VARCHAR(64) NOT NULL,
    count   BIGINT      NOT NULL,
    PRIMARY KEY (day, method, outcome, reason)
);
