-- The sandbox banks' corporate accounts (profile sandbox only): whose UKey, with which password, each bank certifies.
CREATE TABLE IF NOT EXISTS sandbox_bank_account (
    bank            VARCHAR(8)   NOT NULL,
    uscc            VARCHAR(18)  NOT NULL,
    enterprise_name VARCHAR(200) NOT NULL,
    password_salt   VARCHAR(32)  NOT NULL,
    password_hash   VARCHAR(64)  NOT NULL,
    PRIMARY KEY (bank, uscc)
);
