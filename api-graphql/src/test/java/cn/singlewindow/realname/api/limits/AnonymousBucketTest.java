package cn.singlewindow.realname.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The per-address allowance of anonymous operations: spent, refilled evenly, whatever its size and idle time. */
class AnonymousBucketTest {

    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    @Test
    void an_allowance_is_spent_then_refilled_evenly_up_to_its_size() {
        AnonymousLimits.Bucket bucket = new AnonymousLimits.Bucket(120, 0);
        assertThat(bucket.take(120, 120, 0)).isTrue();
        assertThat(bucket.take(1, 120, 0)).isFalse();
        assertThat(bucket.take(1, 120, MINUTE / 120)).as("half a second later, one more").isTrue();
        assertThat(bucket.take(121, 120, 10 * MINUTE)).as("never more than the allowance").isFalse();
    }

    @Test
    void a_large_allowance_left_idle_for_long_is_still_whole() {
        AnonymousLimits.Bucket bucket = new AnonymousLimits.Bucket(100_000_000, 0);
        assertThat(bucket.take(1_000, 100_000_000, 0)).isTrue();
        assertThat(bucket.take(1_000, 100_000_000, 15 * MINUTE)).isTrue();
        assertThat(bucket.take(1_000, 100_000_000, 24 * 60 * MINUTE)).isTrue();
    }
}
