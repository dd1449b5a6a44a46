package cn.singlewindow.realname.query.notification;

import cn.singlewindow.realname.eventstore.privacy.SecretBox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link Webhooks} in PostgreSQL. */
@Component
class JdbcWebhooks implements Webhooks {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecretBox secrets;

    JdbcWebhooks(JdbcTemplate jdbc, Clock clock, SecretBox secrets) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.secrets = secrets;
    }

    @Override
    public Webhook register(String url, Set<WebhookEventType> eventTypes, String secret) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO webhook (webhook_id, url, event_types, secret, enabled, created_at)"
                + " VALUES (?, ?, ?, ?, TRUE, ?)", id, url, join(eventTypes), secrets.seal(secret),
                Timestamp.from(clock.instant()));
        return new Webhook(id, url, EnumSet.copyOf(eventTypes), true);
    }

    @Override
    public List<Webhook> all() {
        return jdbc.query("SELECT webhook_id, url, event_types, enabled FROM webhook ORDER BY created_at, webhook_id",
                JdbcWebhooks::webhook);
    }

    @Override
    public Optional<Webhook> setEnabled(String webhookId, boolean enabled) {
        jdbc.update("UPDATE webhook SET enabled = ? WHERE webhook_id = ?", enabled, webhookId);
        return find(webhookId);
    }

    @Override
    public Optional<Webhook> find(String webhookId) {
        return jdbc.query("SELECT webhook_id, url, event_types, enabled FROM webhook WHERE webhook_id = ?",
                JdbcWebhooks::webhook, webhookId).stream().findFirst();
    }

    @Override
    public DeliveryPage deliveries(String webhookId, int first, Long after) {
        List<Delivery> page = jdbc.query("""
                SELECT d.position, n.event_id, n.event_type, d.state, d.attempts, d.last_status, d.delivered_at,
                       d.next_attempt_at
                FROM webhook_delivery d JOIN webhook_notice n ON n.position = d.position
                WHERE d.webhook_id = ? AND d.position < ?
                ORDER BY d.position DESC LIMIT ?""", (rs, row) -> new Delivery(rs.getLong(1), rs.getString(2),
                        WebhookEventType.valueOf(rs.getString(3)), DeliveryState.valueOf(rs.getString(4)),
                        rs.getInt(5), rs.getString(6), instant(rs, 7),
                        "PENDING".equals(rs.getString(4)) ? instant(rs, 8) : null),
                webhookId, after == null ? Long.MAX_VALUE : after, first + 1);
        boolean more = page.size() > first;
        return new DeliveryPage(more ? page.subList(0, first) : page, more);
    }

    static String join(Set<WebhookEventType> types) {
        return types.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Webhook webhook(ResultSet rs, int row) throws SQLException {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        Arrays.stream(rs.getString(3).split(",")).map(WebhookEventType::valueOf).forEach(types::add);
        return new Webhook(rs.getString(1), rs.getString(2), types, rs.getBoolean(4));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
