package cn.singlewindow.realname.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * What the machine adds to every request measured meanwhile, seen from a driver thread that sleeps {@value #TICK_MILLIS}
 * ms, then does a fixed piece of arithmetic, again and again:
 * <ul>
 *   <li>how late it wakes: the guest's scheduler on saturated cores, the driver's own pauses;</li>
 *   <li>how fast its processor runs, as the piece's time in the thread's own CPU clock against the fastest seen. The
 *       host of a virtual machine can slow all its processors at once without the guest counting it as stolen time:
 *       on one machine measured here, to a tenth of their speed for 40-100 ms every one to three seconds, idle or not
 *       (docs/performance.md). A thread that only sleeps does not see that, and the guest's scheduler cannot help it.
 *       The piece costs about 1% of one core.</li>
 * </ul>
 * Read beside a paced run's p99.
 */
final class Stalls implements AutoCloseable {

    private static final long TICK_MILLIS = 5;
    private static final long TICK_NANOS = TICK_MILLIS * 1_000_000;
    private static final long PIECE_NANOS = 50_000;
    /** Below half its usual speed, for two pieces in a row or more, the machine counts as slowed. */
    private static final double SLOWED = 0.5;
    /** A single slow piece is as often an interrupt handled on the thread's time as the host. */
    private static final int SLOW_PIECES = 2;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile double sink;

    private final Histogram lateness = new Histogram(60_000_000_000L, 3);
    /** {wall start, wall end, CPU nanoseconds} of each piece. */
    private final List<long[]> pieces = new ArrayList<>();
    private final long iterations = calibrate();
    private final Thread sleeper;
    private volatile boolean running = true;

    private Stalls() {
        sleeper = new Thread(this::sleepAndMeasure, "stalls");
        sleeper.setDaemon(true);
        sleeper.start();
    }

    static Stalls watch() {
        return new Stalls();
    }

    private void sleepAndMeasure() {
        while (running) {
            long before = System.nanoTime();
            LockSupport.parkNanos(TICK_NANOS);
            long woke = System.nanoTime();
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            work(iterations);
            long cpu = THREADS.getCurrentThreadCpuTime() - cpuBefore;
            synchronized (this) {
                lateness.recordValue(Math.max(0, woke - before - TICK_NANOS));
                pieces.add(new long[] {woke, System.nanoTime(), cpu});
            }
        }
    }

    /** A chain of dependent multiply-adds: its time is the processor's speed, not the memory's. */
    private static void work(long iterations) {
        double x = 1;
        for (long i = 0; i < iterations; i++) {
            x = x * 1.000_000_1 + 1e-9;
        }
        sink = x;
    }

    /** Iterations that take about {@link #PIECE_NANOS} of CPU, once the loop is compiled. */
    private static long calibrate() {
        long iterations = 10_000;
        long fastest = Long.MAX_VALUE;
        for (int round = 0; round < 200; round++) {
            long before = THREADS.getCurrentThreadCpuTime();
            work(iterations);
            fastest = Math.min(fastest, Math.max(1, THREADS.getCurrentThreadCpuTime() - before));
        }
        return Math.max(1_000, iterations * PIECE_NANOS / fastest);
    }

    @Override
    public void close() {
        running = false;
        try {
            sleeper.join();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The spans, {start, end} in {@link System#nanoTime()}, in which the machine ran below half speed: runs of slow
     * pieces, each run counted from the end of the piece before it (the slowdown may have begun during the sleep).
     */
    synchronized List<long[]> slowdowns() {
        return slowdowns(pieces);
    }

    /** As {@link #slowdowns()}, for pieces given as {wall start, wall end, CPU nanoseconds}. */
    static List<long[]> slowdowns(List<long[]> pieces) {
        long fastest = pieces.stream().mapToLong(piece -> piece[2]).filter(cpu -> cpu > 0).min().orElse(1);
        List<long[]> spans = new ArrayList<>();
        long previousEnd = pieces.isEmpty() ? 0 : pieces.get(0)[0];
        long[] open = null;
        int slowInRow = 0;
        for (long[] piece : pieces) {
            if ((double) fastest / Math.max(1, piece[2]) >= SLOWED) {
                open = null;
                slowInRow = 0;
            } else {
                if (++slowInRow == 1) {
                    open = new long[] {previousEnd, piece[1]};
                } else {
                    open[1] = piece[1];
                }
                if (slowInRow == SLOW_PIECES) {
                    spans.add(open);
                }
            }
            previousEnd = piece[1];
        }
        return spans;
    }

    /**
     * The wake-ups' lateness, the time lost to wake-ups 10 ms late or more, and the given slowdowns (those the caller
     * took from {@link #slowdowns()}, so that its figures and this line describe the same spans).
     */
    synchronized String summary(List<long[]> slowdowns) {
        double lostMillis = 0;
        for (var value : lateness.recordedValues()) {
            if (value.getValueIteratedTo() >= 10_000_000) {
                lostMillis += value.getValueIteratedTo() * value.getCountAtValueIteratedTo() / 1e6;
            }
        }
        long slowNanos = slowdowns.stream().mapToLong(span -> span[1] - span[0]).sum();
        long longest = slowdowns.stream().mapToLong(span -> span[1] - span[0]).max().orElse(0);
        long watched = pieces.isEmpty() ? 1 : pieces.get(pieces.size() - 1)[1] - pieces.get(0)[0];
        return String.format(Locale.ROOT, "a driver thread sleeping %d ms woke late by p99 %.1f ms, p99.9 %.1f ms,"
                        + " max %.1f ms; %.0f ms in wake-ups 10 ms late or more; the processors ran below half speed"
                        + " %d times, %.0f ms in all (%.1f%% of the time), longest %.0f ms",
                TICK_MILLIS, lateness.getValueAtPercentile(99) / 1e6, lateness.getValueAtPercentile(99.9) / 1e6,
                lateness.getMaxValue() / 1e6, lostMillis, slowdowns.size(), slowNanos / 1e6,
                100.0 * slowNanos / Math.max(1, watched), longest / 1e6);
    }
}
