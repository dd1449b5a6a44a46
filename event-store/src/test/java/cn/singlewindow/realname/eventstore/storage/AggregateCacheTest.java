package cn.singlewindow.realname.eventstore.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class AggregateCacheTest {

    @Test
    void keeps_entries_strongly_until_removed() {
        AggregateCache cache = new AggregateCache(100, Duration.ofMinutes(10));
        cache.put("account-1", new byte[1024]);
        System.gc(); // the weak cache it replaces lost entries here
        assertThat(cache.<String, byte[]>get("account-1")).hasSize(1024);
        assertThat(cache.remove("account-1")).isTrue();
        assertThat(cache.containsKey("account-1")).isFalse();
        assertThat(cache.remove("account-1")).isFalse();
    }

    @Test
    void put_if_absent_and_compute_keep_the_first_value() {
        AggregateCache cache = new AggregateCache(100, Duration.ofMinutes(10));
        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        assertThat(cache.<Integer>computeIfAbsent("a", () -> 3)).isEqualTo(1);
        cache.<Integer>computeIfPresent("a", value -> value + 10);
        assertThat(cache.<String, Integer>get("a")).isEqualTo(11);
    }

    @Test
    void is_bounded_and_tells_listeners_of_what_leaves() {
        AggregateCache cache = new AggregateCache(10, Duration.ofMinutes(10));
        List<String> seen = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                seen.add("created " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                seen.add("removed " + key);
            }
        });
        for (int i = 0; i < 1_000; i++) {
            cache.put("aggregate-" + i, i);
        }
        cache.remove("aggregate-999");
        long kept = IntStream.range(0, 1_000).filter(i -> cache.containsKey("aggregate-" + i)).count();
        assertThat(kept).isLessThanOrEqualTo(10);
        assertThat(seen).contains("created aggregate-0", "removed aggregate-999");
    }
}
