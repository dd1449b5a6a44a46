package cn.singlewindow.realname.command.account;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Refused logins per client address, in the database so that every node sees the same count. */
@Component
class AddressThrottle {

    private final JdbcTemplate jdbc;
    private final LoginPolicy policy;

    AddressThrottle(JdbcTemplate jdbc, LoginPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    boolean tooMany(String clientAddress, Instant now) {
        Integer failures = jdbc.queryForObject("SELECT count(*) FROM login_failure WHERE client_address = ?"
                + " AND failed_at > ?", Integer.class, clientAddress, Timestamp.from(now.minus(policy.failureWindow())));
        return failures != null && failures >= policy.maxFailuresPerAddress();
    }

    void recordFailure(String clientAddress, Instant now) {
        jdbc.update("DELETE FROM login_failure WHERE client_address = ? AND failed_at <= ?", clientAddress,
                Timestamp.from(now.minus(policy.failureWindow())));
        jdbc.update("INSERT INTO login_failure (client_address, failed_at) VALUES (?, ?)", clientAddress,
                Timestamp.from(now));
    }
}
