package cn.singlewindow.realname.query.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The webhooks OPERATIONS registered and their delivery log (docs/notifications.md). */
public interface Webhooks {

    /** Registers a webhook, enabled; it is sent the notices of events from now on. */
    Webhook register(String url, Set<WebhookEventType> eventTypes, String secret);

    List<Webhook> all();

    /**
     * Stops or resumes a webhook: while disabled it is given no new notices and its pending deliveries wait; enabled
     * again, they go on where they stopped. Empty when there is no such webhook.
     */
    Optional<Webhook> setEnabled(String webhookId, boolean enabled);

    Optional<Webhook> find(String webhookId);

    /** The webhook's deliveries, newest first, {@code first} after the position {@code after} (null: from the top). */
    DeliveryPage deliveries(String webhookId, int first, Long after);

    /** A registered webhook; its secret is never given back. */
    record Webhook(String id, String url, Set<WebhookEventType> eventTypes, boolean enabled) {
    }

    /** PENDING until the receiver answers 2xx (DELIVERED), or until it has failed for too long (PARKED). */
    enum DeliveryState { PENDING, DELIVERED, PARKED }

    record Delivery(long position, String eventId, WebhookEventType eventType, DeliveryState state, int attempts,
                    String lastStatus, Instant deliveredAt, Instant nextAttemptAt) {
    }

    record DeliveryPage(List<Delivery> deliveries, boolean hasNextPage) {
    }
}
