-- Keyed hashes naming the person behind each row's personal data, so an erasure (PersonalDataErased) finds the
-- rows to clear without the read model keeping the document in clear.
ALTER TABLE enterprise_view ADD COLUMN legal_rep_ref VARCHAR(64);
ALTER TABLE account_view ADD COLUMN owner_ref VARCHAR(64);
ALTER TABLE operator_upgrade_request_view ADD COLUMN applicant_ref VARCHAR(64);
CREATE INDEX enterprise_view_legal_rep_ref ON enterprise_view (legal_rep_ref);
CREATE INDEX account_view_owner_ref ON account_view (owner_ref);
CREATE INDEX operator_upgrade_request_view_applicant_ref ON operator_upgrade_request_view (applicant_ref);
