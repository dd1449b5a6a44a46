-- Every node keeps recently read enterprise views in memory (EnterpriseViews). Whatever changes the rows such a view
-- is read from, on any node (a projection, a rebuild, an erasure), tells every node which enterprise to read again,
-- once its transaction commits ('*': all of them). A rebuild rewrites every row in one transaction: rather than a
-- notification per row, it sets realname.read_model_rebuild for that transaction and announces '*' once, at its
-- commit (ReadModelChanges).
CREATE FUNCTION notify_enterprise_read_model_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('realname.read_model_rebuild', true) = 'on' THEN
        RETURN NULL;
    END IF;
    IF TG_LEVEL = 'STATEMENT' THEN
        PERFORM pg_notify('enterprise_read_model', '*');
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('enterprise_read_model', OLD.enterprise_id);
    ELSE
        PERFORM pg_notify('enterprise_read_model', NEW.enterprise_id);
        IF TG_OP = 'UPDATE' AND OLD.enterprise_id IS DISTINCT FROM NEW.enterprise_id THEN
            PERFORM pg_notify('enterprise_read_model', OLD.enterprise_id);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER enterprise_view_changed AFTER INSERT OR UPDATE OR DELETE ON enterprise_view
    FOR EACH ROW EXECUTE FUNCTION notify_enterprise_read_model_changed();
CREATE TRIGGER enterprise_view_truncated AFTER TRUNCATE ON enterprise_view
    FOR EACH STATEMENT EXECUTE FUNCTION notify_enterprise_read_model_changed();
CREATE TRIGGER method_status_view_changed AFTER INSERT OR UPDATE OR DELETE ON method_status_view
    FOR EACH ROW EXECUTE FUNCTION notify_enterprise_read_model_changed();
CREATE TRIGGER method_status_view_truncated AFTER TRUNCATE ON method_status_view
    FOR EACH STATEMENT EXECUTE FUNCTION notify_enterprise_read_model_changed();
