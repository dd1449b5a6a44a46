package cn.singlewindow.realname.api.notification;

import cn.singlewindow.realname.api.common.Connection;
import cn.singlewindow.realname.api.error.ApiRejections;
import cn.singlewindow.realname.api.security.Access;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Rejection;
import cn.singlewindow.realname.query.notification.WebhookEventType;
import cn.singlewindow.realname.query.notification.Webhooks;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** OPERATIONS registers the downstream systems' webhooks and reads what was delivered (docs/notifications.md). */
@Controller
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);
    private static final int DEFAULT_PAGE = 20;
    static final int MIN_SECRET = 16;

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    record RegisterInput(String url, List<WebhookEventType> eventTypes, String secret) {
    }

    record EnabledInput(String webhookId, boolean enabled) {
    }

    @MutationMapping
    @PreAuthorize("hasRole('OPERATIONS')")
    Webhooks.Webhook registerWebhook(@Argument RegisterInput input) {
        URI url = receiver(input.url());
        if (input.eventTypes().isEmpty()) {
            throw invalid("eventTypes", "Name at least one event type.", "请至少选择一种事件类型。");
        }
        if (input.secret().length() < MIN_SECRET) {
            throw invalid("secret", "The secret must be at least " + MIN_SECRET + " characters.",
                    "密钥至少需要" + MIN_SECRET + "个字符。");
        }
        Set<WebhookEventType> types = EnumSet.copyOf(input.eventTypes());
        Webhooks.Webhook registered = webhooks.register(url.toString(), types, input.secret());
        log.info("Webhook {} registered by {} for {} at {}", registered.id(), Access.actor().accountId().value(),
                types, url.getHost());
        return registered;
    }

    @MutationMapping
    @PreAuthorize("hasRole('OPERATIONS')")
    Webhooks.Webhook setWebhookEnabled(@Argument EnabledInput input) {
        Webhooks.Webhook changed = webhooks.setEnabled(input.webhookId(), input.enabled())
                .orElseThrow(() -> new RejectedException(ApiRejections.NOT_FOUND.onField("webhookId")));
        log.info("Webhook {} {} by {}", changed.id(), input.enabled() ? "enabled" : "disabled",
                Access.actor().accountId().value());
        return changed;
    }

    @QueryMapping
    @PreAuthorize("hasRole('OPERATIONS')")
    List<Webhooks.Webhook> webhooks() {
        return webhooks.all();
    }

    @QueryMapping
    @PreAuthorize("hasRole('OPERATIONS')")
    Connection<Webhooks.Delivery> webhookDeliveries(@Argument String webhookId, @Argument Integer first, @Argument String after) {
        if (webhooks.find(webhookId).isEmpty()) {
            throw new RejectedException(ApiRejections.NOT_FOUND.onField("webhookId"));
        }
        Long position = null;
        if (after != null) {
            try {
                position = Long.parseLong(after);
            } catch (NumberFormatException notOurs) {
                throw invalid("after", "Not a cursor of this list.", "分页游标无效。");
            }
        }
        Webhooks.DeliveryPage page = webhooks.deliveries(webhookId, first == null ? DEFAULT_PAGE : first, position);
        return Connection.of(page.deliveries(), page.hasNextPage(), delivery -> Long.toString(delivery.position()));
    }

    /** An absolute http(s) address with a host, without credentials in it. */
    private static URI receiver(String given) {
        try {
            URI url = new URI(given.strip());
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null
                    && url.getUserInfo() == null && url.getFragment() == null) {
                return url;
            }
        } catch (URISyntaxException malformed) {
            // answered below
        }
        throw invalid("url", "An absolute http or https address, without user name or fragment.",
                "请填写完整的 http 或 https 地址，不含用户名和片段。");
    }

    private static RejectedException invalid(String field, String message, String messageZh) {
        return new RejectedException(Rejection.of("VALIDATION_FAILED", message, messageZh).onField(field));
    }
}
