package cn.singlewindow.realname.command.account;

import cn.singlewindow.realname.eventstore.readmodel.DatabaseChannel;
import cn.singlewindow.realname.messages.account.AccountId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ended sessions, in PostgreSQL and in every node's memory. Each change is written in the transaction that ends the
 * sessions and announced on {@value #CHANNEL} when it commits: every node reads the changed row again, this one at
 * once after the commit, so the answer to a logout is the end of the session here and, within the time a
 * notification takes, everywhere. While announcements cannot be received, each request asks the database.
 */
@Component
class KeptSessionRevocations implements SessionRevocations, SessionCuts, DatabaseChannel {

    static final String CHANNEL = "session_revocation";
    private static final String SESSION = "s:";
    private static final String ACCOUNT = "a:";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, Instant> endedSessions = new ConcurrentHashMap<>();
    private final Map<String, Cut> cuts = new ConcurrentHashMap<>();
    private volatile boolean listening;

    /** Sessions of the account begun before {@code cutAt} have ended, but the one kept; all, when it is disabled. */
    private record Cut(Instant cutAt, String keptSessionId, boolean disabled) {

        boolean ends(String sessionId, Instant issuedAt) {
            return disabled || issuedAt.isBefore(cutAt) && (sessionId == null || !sessionId.equals(keptSessionId));
        }
    }

    KeptSessionRevocations(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean ended(AccountId accountId, String sessionId, Instant issuedAt) {
        if (!listening) {
            return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM session_revocation WHERE"
                    + " session_id = ?) OR EXISTS (SELECT 1 FROM account_session_cut WHERE account_id = ? AND"
                    + " (disabled OR cut_at > ? AND (CAST(? AS VARCHAR) IS NULL"
                    + " OR kept_session_id IS DISTINCT FROM CAST(? AS VARCHAR))))",
                    Boolean.class, sessionId, accountId.value(), Timestamp.from(issuedAt), sessionId, sessionId));
        }
        if (sessionId != null && endedSessions.containsKey(sessionId)) {
            return true;
        }
        Cut cut = cuts.get(accountId.value());
        return cut != null && cut.ends(sessionId, issuedAt);
    }

    @Override
    public void end(String sessionId, Instant expiresAt) {
        Instant now = clock.instant();
        jdbc.update("DELETE FROM session_revocation WHERE expires_at < ?", Timestamp.from(now));
        jdbc.update("INSERT INTO session_revocation (session_id, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                sessionId, Timestamp.from(expiresAt));
        announce(SESSION + sessionId);
    }

    @Override
    public void endAllBut(AccountId accountId, String keptSessionId, Instant at) {
        jdbc.update("INSERT INTO account_session_cut (account_id, cut_at, kept_session_id, disabled)"
                + " VALUES (?, ?, ?, false) ON CONFLICT (account_id) DO UPDATE SET cut_at = EXCLUDED.cut_at,"
                + " kept_session_id = EXCLUDED.kept_session_id", accountId.value(), Timestamp.from(at), keptSessionId);
        announce(ACCOUNT + accountId.value());
    }

    @Override
    public void disabled(AccountId accountId, boolean disabled, Instant at) {
        jdbc.update("INSERT INTO account_session_cut (account_id, cut_at, kept_session_id, disabled)"
                + " VALUES (?, ?, NULL, ?) ON CONFLICT (account_id) DO UPDATE SET cut_at = EXCLUDED.cut_at,"
                + " kept_session_id = NULL, disabled = EXCLUDED.disabled", accountId.value(), Timestamp.from(at),
                disabled);
        announce(ACCOUNT + accountId.value());
    }

    /** Every node is told when the transaction commits; this one reads the row again right then. */
    private void announce(String change) {
        jdbc.queryForList("SELECT pg_notify(?, ?)", CHANNEL, change);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reread(change);
                }
            });
        } else {
            reread(change);
        }
    }

    @Override
    public String name() {
        return CHANNEL;
    }

    @Override
    public void received(String change) {
        reread(change);
    }

    @Override
    public void listening(boolean nowListening) {
        if (!nowListening) {
            listening = false;
            endedSessions.clear();
            cuts.clear();
            return;
        }
        endedSessions.clear();
        cuts.clear();
        jdbc.query("SELECT session_id, expires_at FROM session_revocation WHERE expires_at >= ?",
                rs -> {
                    endedSessions.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }, Timestamp.from(clock.instant()));
        jdbc.query("SELECT account_id, cut_at, kept_session_id, disabled FROM account_session_cut", rs -> {
            cuts.put(rs.getString(1), new Cut(rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getBoolean(4)));
        });
        listening = true;
    }

    private void reread(String change) {
        if (change.startsWith(SESSION)) {
            String sessionId = change.substring(SESSION.length());
            List<Timestamp> expiry = jdbc.queryForList("SELECT expires_at FROM session_revocation WHERE session_id = ?",
                    Timestamp.class, sessionId);
            if (expiry.isEmpty()) {
                endedSessions.remove(sessionId);
            } else {
                endedSessions.put(sessionId, expiry.get(0).toInstant());
            }
            Instant now = clock.instant();
            endedSessions.values().removeIf(expiresAt -> expiresAt.isBefore(now));
        } else if (change.startsWith(ACCOUNT)) {
            String accountId = change.substring(ACCOUNT.length());
            List<Cut> cut = jdbc.query("SELECT cut_at, kept_session_id, disabled FROM account_session_cut"
                            + " WHERE account_id = ?", (rs, row) -> new Cut(rs.getTimestamp(1).toInstant(),
                    rs.getString(2), rs.getBoolean(3)), accountId);
            if (cut.isEmpty()) {
                cuts.remove(accountId);
            } else {
                cuts.put(accountId, cut.get(0));
            }
        }
    }
}
