-- One data key per person (crypto-shredding): names and document numbers in stored events are sealed with it.
-- Erasing a person sets wrapped_key to NULL; their events stay, unreadable in those fields. A person who comes
-- back after an erasure gets a new key, so only the active key is unique per person.
CREATE TABLE person_key (
    key_id         VARCHAR(36)  PRIMARY KEY,
    -- Keyed SM3 hash of document type and number: finds the keys of a person without storing the document.
    person_ref     VARCHAR(64)  NOT NULL,
    -- The data key sealed with the master key (SM4-GCM); NULL once erased.
    wrapped_key    BYTEA,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    erased_at      TIMESTAMPTZ,
    erased_by      VARCHAR(64),
    erasure_reason VARCHAR(500)
);
CREATE UNIQUE INDEX person_key_active ON person_key (person_ref) WHERE erased_at IS NULL;
CREATE INDEX person_key_person ON person_key (person_ref);
