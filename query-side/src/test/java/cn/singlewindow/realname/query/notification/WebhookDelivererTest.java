package cn.singlewindow.realname.query.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookDelivererTest {

    private static WebhookDeliverer deliverer(int batchSize, int senders) {
        WebhookSettings settings = new WebhookSettings(true, Duration.ofSeconds(1), batchSize, senders,
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofHours(1),
                Duration.ofDays(1));
        return new WebhookDeliverer(null, null, settings, Clock.systemUTC(), null, new SimpleMeterRegistry());
    }

    @Test
    void a_batch_is_leased_for_as_long_as_its_senders_can_take_over_it() {
        assertThat(deliverer(50, 4).lease()).as("13 rounds of 7 s, and the margin").isEqualTo(Duration.ofSeconds(96));
        assertThat(deliverer(8, 4).lease()).isEqualTo(Duration.ofSeconds(19));
        assertThat(deliverer(1, 4).lease()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void retries_wait_twice_as_long_each_time_up_to_the_longest_wait() {
        WebhookDeliverer deliverer = deliverer(50, 4);
        assertThat(deliverer.backOff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(deliverer.backOff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(deliverer.backOff(10)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(deliverer.backOff(11)).isEqualTo(Duration.ofHours(1));
        assertThat(deliverer.backOff(1_000)).isEqualTo(Duration.ofHours(1));
    }
}
