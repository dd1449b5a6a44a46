package cn.singlewindow.realname.command.certification;

import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The day's checks per person in {@code identity_check_quota}, by a hash of the document number. */
@Component
class JdbcIdentityCheckQuota implements IdentityCheckQuota {

    private final JdbcTemplate jdbc;
    private final CertificationPolicy policy;

    JdbcIdentityCheckQuota(JdbcTemplate jdbc, CertificationPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    @Override
    public boolean tryConsume(String documentNumber, LocalDate today) {
        Integer checks = jdbc.queryForObject("INSERT INTO identity_check_quota (person_hash, day, checks)"
                        + " VALUES (?, ?, 1) ON CONFLICT (person_hash, day)"
                        + " DO UPDATE SET checks = identity_check_quota.checks + 1 RETURNING checks",
                Integer.class, Hashing.sha256("person", documentNumber), Date.valueOf(today));
        return checks != null && checks <= policy.maxChecksPerPersonPerDay();
    }
}
