package cn.singlewindow.realname.query.certification;

import cn.singlewindow.realname.messages.certification.CertificationOverview;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * An enterprise's method states read in the same statement as something else (the enterprise itself, joined), and
 * the certification overview derived from them, as {@code FindCertificationOverview} answers it.
 */
public interface JoinedMethodStatuses {

    /** The columns to select, in this order, from {@code method_status_view} joined as {@code m}. */
    String COLUMNS = "m.enterprise_id, m.method, m.status, m.security_level,"
            + " m.verified_enterprise_info, m.verified_owner_identity, m.passed_at, m.last_attempt_at, m.current_step";

    /** Collects the method states of one enterprise's joined rows. */
    static JoinedMethodStatuses collect() {
        return new MethodStatusCollector();
    }

    /** Adds the method state of the current row, read from {@code firstColumn} on; none when the join found none. */
    void add(ResultSet rs, int firstColumn) throws SQLException;

    CertificationOverview overview();
}
