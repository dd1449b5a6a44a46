package cn.singlewindow.realname.query.notification;

import cn.singlewindow.realname.eventstore.privacy.SecretBox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's pending deliveries: at least once, in order per enterprise and webhook (only the oldest pending
 * delivery of each is due), retried with exponential back-off while the receiver fails, parked (and shown, never
 * dropped) once it has failed for {@link WebhookSettings#parkAfter()}. Each node may run it: a delivery is claimed in
 * the database ({@code FOR UPDATE SKIP LOCKED}, then leased by moving its next attempt past the read time-out), so a
 * node that dies mid-send leaves it to be sent again, with the same event id.
 */
@Component
class WebhookDeliverer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);
    static final String SIGNATURE_HEADER = "X-Realname-Signature";
    static final String EVENT_ID_HEADER = "X-Realname-Event-Id";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final WebhookSettings settings;
    private final Clock clock;
    private final SecretBox secrets;
    private final HttpClient http;
    private final Counter delivered;
    private final Counter failed;
    private final Counter parked;
    private volatile ExecutorService senders;
    private volatile Thread poller;

    WebhookDeliverer(JdbcTemplate jdbc, TransactionTemplate transactions, WebhookSettings settings, Clock clock,
                     SecretBox secrets, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        this.secrets = secrets;
        this.delivered = attempts(meters, "delivered");
        this.failed = attempts(meters, "failed");
        this.parked = attempts(meters, "parked");
        // Read when scraped: what waits, and what was given up on, across all nodes.
        Gauge.builder("realname.webhook.deliveries", () -> count("PENDING")).tag("state", "pending")
                .description("Deliveries to webhooks not delivered yet").register(meters);
        Gauge.builder("realname.webhook.deliveries", () -> count("PARKED")).tag("state", "parked")
                .description("Deliveries to webhooks parked after failing for too long").register(meters);
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static Counter attempts(MeterRegistry meters, String outcome) {
        return Counter.builder("realname.webhook.attempts").tag("outcome", outcome)
                .description("Attempts to deliver to webhooks, by outcome").register(meters);
    }

    private long count(String state) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM webhook_delivery WHERE state = ?", Long.class, state);
        return count == null ? 0 : count;
    }

    /** One delivery due now, with what it takes to send it. */
    record Due(String webhookId, long position, String url, String sealedSecret, String eventId, String body,
               int attempts, Instant firstAttemptAt) {
    }

    /** Claims up to a batch of due deliveries and sends them; answers how many were due. */
    int deliverDue() {
        List<Due> due = claim();
        List<Future<?>> sent = due.stream().<Future<?>>map(delivery -> senders.submit(() -> send(delivery))).toList();
        for (Future<?> each : sent) {
            try {
                each.get();
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                log.warn("Webhook delivery failed unexpectedly: {}", e.getCause().toString());
            }
        }
        return due.size();
    }

    /**
     * How long a claimed batch is held from other nodes: the slowest its senders can take over it (each delivery
     * waiting for a connection and an answer, as many rounds as the batch has deliveries per sender), and a margin
     * for recording the outcomes. A node that dies leaves its batch to the others once this has passed.
     */
    Duration lease() {
        int rounds = (settings.batchSize() + settings.senders() - 1) / settings.senders();
        return settings.connectTimeout().plus(settings.readTimeout()).multipliedBy(rounds).plus(LEASE_MARGIN);
    }

    private static final Duration LEASE_MARGIN = Duration.ofSeconds(5);

    private List<Due> claim() {
        Duration lease = lease();
        return transactions.execute(status -> {
            List<Due> due = jdbc.query("""
                    SELECT d.webhook_id, d.position, w.url, w.secret, n.event_id, n.body, d.attempts, d.first_attempt_at
                    FROM webhook_delivery d
                    JOIN webhook w ON w.webhook_id = d.webhook_id
                    JOIN webhook_notice n ON n.position = d.position
                    WHERE d.state = 'PENDING' AND d.next_attempt_at <= ? AND w.enabled
                      AND NOT EXISTS (SELECT 1 FROM webhook_delivery e WHERE e.webhook_id = d.webhook_id
                          AND e.enterprise_id = d.enterprise_id AND e.state = 'PENDING' AND e.position < d.position)
                    ORDER BY d.next_attempt_at, d.position
                    LIMIT ? FOR UPDATE OF d SKIP LOCKED""", (rs, row) -> new Due(rs.getString(1), rs.getLong(2),
                    rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7),
                    rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()),
                    Timestamp.from(clock.instant()), settings.batchSize());
            Timestamp leasedUntil = Timestamp.from(clock.instant().plus(lease));
            for (Due delivery : due) {
                jdbc.update("UPDATE webhook_delivery SET next_attempt_at = ? WHERE webhook_id = ? AND position = ?",
                        leasedUntil, delivery.webhookId(), delivery.position());
            }
            return due;
        });
    }

    private void send(Due delivery) {
        Instant now = clock.instant();
        String outcome;
        boolean accepted;
        try {
            long t = now.getEpochSecond();
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(settings.readTimeout())
                    .header("Content-Type", "application/json")
                    .header(EVENT_ID_HEADER, delivery.eventId())
                    .header(SIGNATURE_HEADER, "t=" + t + ",v1="
                            + signature(secrets.open(delivery.sealedSecret()), t, delivery.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.discarding());
            accepted = answer.statusCode() / 100 == 2;
            outcome = Integer.toString(answer.statusCode());
        } catch (IOException | IllegalArgumentException e) {
            accepted = false;
            outcome = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        record(delivery, now, accepted, outcome);
    }

    private void record(Due delivery, Instant now, boolean accepted, String outcome) {
        int attempts = delivery.attempts() + 1;
        Instant first = delivery.firstAttemptAt() == null ? now : delivery.firstAttemptAt();
        if (accepted) {
            delivered.increment();
            jdbc.update("""
                    UPDATE webhook_delivery SET state = 'DELIVERED', attempts = ?, last_status = ?,
                        first_attempt_at = ?, delivered_at = ? WHERE webhook_id = ? AND position = ?""",
                    attempts, outcome, Timestamp.from(first), Timestamp.from(now), delivery.webhookId(),
                    delivery.position());
            return;
        }
        boolean park = !now.isBefore(first.plus(settings.parkAfter()));
        (park ? parked : failed).increment();
        if (park) {
            log.warn("Webhook {}: delivery of {} parked after {} attempts since {} (last: {})", delivery.webhookId(),
                    delivery.eventId(), attempts, first, outcome);
        }
        jdbc.update("""
                UPDATE webhook_delivery SET state = ?, attempts = ?, last_status = ?, first_attempt_at = ?,
                    next_attempt_at = ? WHERE webhook_id = ? AND position = ?""",
                park ? "PARKED" : "PENDING", attempts, outcome, Timestamp.from(first),
                Timestamp.from(now.plus(backOff(attempts))), delivery.webhookId(), delivery.position());
    }

    /** The wait after the {@code attempts}-th failure: the first retry's, doubled each time, up to the longest. */
    Duration backOff(int attempts) {
        Duration wait = settings.firstRetry();
        for (int i = 1; i < attempts && wait.compareTo(settings.maxRetryInterval()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxRetryInterval()) > 0 ? settings.maxRetryInterval() : wait;
    }

    /** Hex HMAC-SHA256 of {@code "<t>.<body>"} under the webhook's secret (the contract's v1 signature). */
    static String signature(String secret, long t, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void start() {
        if (!settings.deliver()) {
            return;
        }
        senders = Executors.newFixedThreadPool(settings.senders(), runnable -> {
            Thread thread = new Thread(runnable, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
        poller = new Thread(this::poll, "webhook-deliveries");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                // A full batch means more may be due: look again at once.
                if (deliverDue() < settings.batchSize()) {
                    Thread.sleep(settings.pollInterval().toMillis());
                }
            } catch (InterruptedException stopped) {
                return;
            } catch (RuntimeException e) {
                log.warn("Webhook deliveries: {}", e.toString());
                try {
                    Thread.sleep(settings.pollInterval().toMillis());
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }

    @Override
    public void stop() {
        Thread running = poller;
        if (running != null) {
            running.interrupt();
            try {
                running.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            senders.shutdownNow();
            poller = null;
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    @Override
    public int getPhase() {
        // Stops before the database pool and Axon; starts after them.
        return Integer.MAX_VALUE - 100;
    }
}
