-- The sandbox's simulated registry, CTID, bank-card check and SMS gateway keep their tables only where the sandbox
-- runs: db/sandbox/afterMigrate__sandbox_tables.sql makes them there. A database that never held sandbox rows
-- (every deployment) loses them here; a sandbox keeps its rows.
DO $$
DECLARE
    sandbox_table TEXT;
    has_rows      BOOLEAN;
BEGIN
    FOREACH sandbox_table IN ARRAY ARRAY['sandbox_registry_enterprise', 'sandbox_person', 'sandbox_bank_card',
                                         'sandbox_sms_outbox'] LOOP
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I)', sandbox_table) INTO has_rows;
        IF NOT has_rows THEN
            EXECUTE format('DROP TABLE %I', sandbox_table);
        END IF;
    END LOOP;
END
$$;
