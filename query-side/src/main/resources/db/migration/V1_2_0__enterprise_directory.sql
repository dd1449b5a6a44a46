-- Read model of enterprises and their accounts. Personal data is stored masked: the read side never needs it in
-- clear, so it cannot leak from here.
CREATE TABLE enterprise_view (
    enterprise_id             VARCHAR(64)  PRIMARY KEY,
    name                      VARCHAR(200) NOT NULL,
    uscc                      VARCHAR(18)  NOT NULL,
    org_code                  VARCHAR(9)   NOT NULL,
    origin                    VARCHAR(32)  NOT NULL,
    legal_rep_name            VARCHAR(100),
    legal_rep_document_type   VARCHAR(40),
    legal_rep_document_number VARCHAR(40),
    security_level            VARCHAR(8)   NOT NULL,
    enterprise_info_verified  BOOLEAN      NOT NULL,
    owner_identity_verified   BOOLEAN      NOT NULL,
    version                   BIGINT       NOT NULL,
    updated_at                TIMESTAMPTZ  NOT NULL
);
CREATE INDEX enterprise_view_uscc ON enterprise_view (uscc);

CREATE TABLE account_view (
    account_id        VARCHAR(64)  PRIMARY KEY,
    enterprise_id     VARCHAR(64),
    username          VARCHAR(64)  NOT NULL,
    role              VARCHAR(32)  NOT NULL,
    owner_name        VARCHAR(100),
    document_type     VARCHAR(40),
    document_number   VARCHAR(40),
    id_valid_from     VARCHAR(8),
    id_valid_to       VARCHAR(8),
    identity_verified BOOLEAN      NOT NULL,
    version           BIGINT       NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX account_view_enterprise ON account_view (enterprise_id);
