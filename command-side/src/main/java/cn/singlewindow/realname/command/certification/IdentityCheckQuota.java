package cn.singlewindow.realname.command.certification;

import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Identity checks per person (by document number, hashed) per day, across attempts and enterprises. */
@Component
public class IdentityCheckQuota {

    private final JdbcTemplate jdbc;
    private final CertificationPolicy policy;

    IdentityCheckQuota(JdbcTemplate jdbc, CertificationPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    /** Counts one check for the person today; false when the day's allowance is already used up. */
    public boolean tryConsume(String documentNumber, LocalDate today) {
        Integer checks = jdbc.queryForObject("INSERT INTO identity_check_quota (person_hash, day, checks)"
                        + " VALUES (?, ?, 1) ON CONFLICT (person_hash, day)"
                        + " DO UPDATE SET checks = identity_check_quota.checks + 1 RETURNING checks",
                Integer.class, Hashing.sha256("person", documentNumber), Date.valueOf(today));
        return checks != null && checks <= policy.maxChecksPerPersonPerDay();
    }
}
