package cn.singlewindow.realname.query.certification;

import cn.singlewindow.realname.messages.certification.CertificationMethod;
import cn.singlewindow.realname.messages.certification.CertificationOverview;
import cn.singlewindow.realname.messages.certification.CertificationStep;
import cn.singlewindow.realname.messages.certification.MethodState;
import cn.singlewindow.realname.messages.certification.SecurityLevel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Method states read from a joined statement's rows, {@link #COLUMNS} on, and the overview they make. */
final class MethodStatusCollector implements JoinedMethodStatuses {

    private final List<MethodStatusRow> rows = new ArrayList<>();

    @Override
    public void add(ResultSet rs, int firstColumn) throws SQLException {
        if (rs.getString(firstColumn) != null) {
            rows.add(read(rs, firstColumn));
        }
    }

    @Override
    public CertificationOverview overview() {
        return CertificationProjection.overview(rows);
    }

    static MethodStatusRow read(ResultSet rs, int first) throws SQLException {
        MethodStatusRow row = new MethodStatusRow();
        row.key = new MethodStatusRow.Key(rs.getString(first), CertificationMethod.valueOf(rs.getString(first + 1)));
        row.status = MethodState.valueOf(rs.getString(first + 2));
        row.securityLevel = SecurityLevel.valueOf(rs.getString(first + 3));
        row.verifiedEnterpriseInfo = rs.getBoolean(first + 4);
        row.verifiedOwnerIdentity = rs.getBoolean(first + 5);
        row.passedAt = instant(rs.getTimestamp(first + 6));
        row.lastAttemptAt = instant(rs.getTimestamp(first + 7));
        String step = rs.getString(first + 8);
        row.currentStep = step == null ? null : CertificationStep.valueOf(step);
        return row;
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
