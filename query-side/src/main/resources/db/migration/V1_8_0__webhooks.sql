-- Downstream systems told of certifications (docs/notifications.md): the webhooks OPERATIONS registered, the outbox
-- of notices the webhook-outbox processor writes in the transaction that moves its token, one delivery per notice
-- and webhook, and what the processor remembers of each enterprise to see a certification or a level change.
CREATE TABLE webhook (
    webhook_id  VARCHAR(36) PRIMARY KEY,
    url         VARCHAR(500) NOT NULL,
    event_types VARCHAR(300) NOT NULL,
    -- Sealed (SecretBox): never stored as given.
    secret      VARCHAR(400) NOT NULL,
    enabled     BOOLEAN NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE webhook_notice (
    position      BIGSERIAL PRIMARY KEY,
    event_id      VARCHAR(36) NOT NULL UNIQUE,
    event_type    VARCHAR(40) NOT NULL,
    enterprise_id VARCHAR(64) NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL,
    body          TEXT NOT NULL
);

CREATE TABLE webhook_delivery (
    webhook_id       VARCHAR(36) NOT NULL REFERENCES webhook (webhook_id),
    position         BIGINT NOT NULL REFERENCES webhook_notice (position),
    enterprise_id    VARCHAR(64) NOT NULL,
    state            VARCHAR(12) NOT NULL,
    attempts         INT NOT NULL DEFAULT 0,
    last_status      VARCHAR(100),
    first_attempt_at TIMESTAMPTZ,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    delivered_at     TIMESTAMPTZ,
    PRIMARY KEY (webhook_id, position)
);
-- Due deliveries, and the oldest pending one of each enterprise at each webhook (order per enterprise).
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX webhook_delivery_in_order ON webhook_delivery (webhook_id, enterprise_id, position)
    WHERE state = 'PENDING';

CREATE TABLE webhook_enterprise_state (
    enterprise_id            VARCHAR(64) PRIMARY KEY,
    enterprise_info_verified BOOLEAN NOT NULL,
    owner_identity_verified  BOOLEAN NOT NULL,
    passed_methods           VARCHAR(100) NOT NULL,
    security_level           VARCHAR(10) NOT NULL
);
