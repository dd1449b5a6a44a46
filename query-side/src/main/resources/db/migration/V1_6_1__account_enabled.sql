-- Whether OPERATIONS left the account enabled (setAccountEnabled).
ALTER TABLE account_view ADD COLUMN enabled BOOLEAN NOT NULL DEFAULT true;
