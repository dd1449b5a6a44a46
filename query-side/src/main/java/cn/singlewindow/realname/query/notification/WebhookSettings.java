package cn.singlewindow.realname.query.notification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Deliveries to webhooks (docs/notifications.md).
 *
 * @param deliver whether this node delivers (every node may: each delivery is claimed by one)
 * @param pollInterval how often due deliveries are looked for
 * @param batchSize deliveries claimed at a time
 * @param senders deliveries sent at once
 * @param connectTimeout how long to wait for a receiver's connection
 * @param readTimeout how long to wait for a receiver's answer
 * @param firstRetry the wait after the first failure; doubled after each further one
 * @param maxRetryInterval the longest wait between two attempts
 * @param parkAfter how long a delivery keeps being tried after its first attempt; then it is parked and shown
 */
@Validated
@ConfigurationProperties("realname.webhooks")
public record WebhookSettings(@DefaultValue("true") boolean deliver,
                              @DefaultValue("1s") @NotNull Duration pollInterval,
                              @DefaultValue("50") @Min(1) @Max(1000) int batchSize,
                              @DefaultValue("4") @Min(1) @Max(64) int senders,
                              @DefaultValue("2s") @NotNull Duration connectTimeout,
                              @DefaultValue("5s") @NotNull Duration readTimeout,
                              @DefaultValue("5s") @NotNull Duration firstRetry,
                              @DefaultValue("1h") @NotNull Duration maxRetryInterval,
                              @DefaultValue("1d") @NotNull Duration parkAfter) {
}
