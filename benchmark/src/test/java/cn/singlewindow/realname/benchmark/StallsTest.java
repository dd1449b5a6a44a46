package cn.singlewindow.realname.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StallsTest {

    private static final long MS = 1_000_000;

    /** Pieces 5 ms apart, each 0.05 ms of wall time, with the given CPU time in microseconds. */
    private static List<long[]> pieces(long... cpuMicros) {
        List<long[]> pieces = new ArrayList<>();
        for (int i = 0; i < cpuMicros.length; i++) {
            long start = i * 5 * MS;
            pieces.add(new long[] {start, start + 50_000, cpuMicros[i] * 1_000});
        }
        return pieces;
    }

    @Test
    void aMachineAtFullSpeedHasNoSlowdown() {
        assertThat(Stalls.slowdowns(pieces(50, 52, 60, 51, 90, 50))).isEmpty();
    }

    @Test
    void oneSlowPieceAloneIsNotASlowdown() {
        assertThat(Stalls.slowdowns(pieces(50, 50, 500, 50, 50))).isEmpty();
    }

    @Test
    void aRunOfSlowPiecesIsOneSpanFromTheEndOfThePieceBeforeIt() {
        List<long[]> spans = Stalls.slowdowns(pieces(50, 50, 400, 500, 300, 50, 50));

        assertThat(spans).hasSize(1);
        assertThat(spans.get(0)).containsExactly(5 * MS + 50_000, 20 * MS + 50_000);
    }

    @Test
    void runsApartAreSpansApartAndARunAtTheEndCounts() {
        List<long[]> spans = Stalls.slowdowns(pieces(50, 400, 400, 50, 50, 600, 600, 600));

        assertThat(spans).hasSize(2);
        assertThat(spans.get(0)).containsExactly(50_000, 10 * MS + 50_000);
        assertThat(spans.get(1)).containsExactly(20 * MS + 50_000, 35 * MS + 50_000);
    }

    @Test
    void halfSpeedIsTheLine() {
        // The fastest piece is 50 us: 100 us is half speed (not slowed), 101 us below it.
        assertThat(Stalls.slowdowns(pieces(50, 100, 100, 100))).isEmpty();
        assertThat(Stalls.slowdowns(pieces(50, 101, 101, 50))).hasSize(1);
    }
}
