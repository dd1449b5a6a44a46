package cn.singlewindow.realname.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LoadTest {

    private static final long MS = 1_000_000;

    @Test
    void aPacedRunRecordsEachOperationFromWhenItWasDue() {
        Load.Result result = Load.atRate("paced", 1, Duration.ofMillis(200), 100, index -> () -> true);

        List<long[]> timeline = result.timeline();
        assertThat(timeline).hasSize(20);
        for (int i = 1; i < timeline.size(); i++) {
            assertThat(timeline.get(i)[0] - timeline.get(i - 1)[0]).isBetween(10 * MS - 1, 10 * MS + 1);
        }
        assertThat(timeline).allSatisfy(operation -> assertThat(operation[1]).isPositive());
    }

    @Test
    void clearOfLeavesOutEveryOperationThatTouchedAnInterval() {
        List<long[]> timeline = List.of(
                new long[] {0, 5 * MS},          // ends before the interval
                new long[] {8 * MS, 4 * MS},     // ends inside it
                new long[] {12 * MS, 2 * MS},    // inside it
                new long[] {19 * MS, 30 * MS},   // begins inside it
                new long[] {9 * MS, 20 * MS},    // spans it
                new long[] {20 * MS, 3 * MS});   // begins as it ends
        Histogram latencies = new Histogram(3_600_000_000_000L, 3);
        timeline.forEach(operation -> latencies.recordValue(operation[1]));
        Load.Result result = new Load.Result("run", 6, 0, 1, latencies, timeline);

        Histogram clear = result.clearOf(List.of(new long[] {10 * MS, 20 * MS}));

        assertThat(clear.getTotalCount()).isEqualTo(2);
        assertThat(clear.getMaxValue()).isBetween(5 * MS - 5_000, 5 * MS + 5_000);
        assertThat(result.clearOf(List.of()).getTotalCount()).isEqualTo(6);
    }
}
