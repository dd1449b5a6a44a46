package cn.singlewindow.realname.benchmark;

import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * How late a thread of the driver that does nothing but sleep 1 ms wakes up: a latency the machine adds to every
 * process on it (the scheduler on saturated cores, the host taking its CPU, the driver's own pauses), which any
 * request measured meanwhile carries too. Read beside a paced run's p99.
 */
final class Stalls implements AutoCloseable {

    private static final long TICK_NANOS = 1_000_000;

    private final Histogram lateness = new Histogram(60_000_000_000L, 3);
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
            long late = System.nanoTime() - before - TICK_NANOS;
            synchronized (lateness) {
                lateness.recordValue(Math.max(0, late));
            }
        }
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

    /** The wake-ups' lateness, and the time lost to wake-ups 10 ms late or more. */
    String summary() {
        synchronized (lateness) {
            double lostMillis = 0;
            for (var value : lateness.recordedValues()) {
                if (value.getValueIteratedTo() >= 10_000_000) {
                    lostMillis += value.getValueIteratedTo() * value.getCountAtValueIteratedTo() / 1e6;
                }
            }
            return String.format(Locale.ROOT, "a driver thread sleeping 1 ms woke late by p99 %.1f ms, p99.9 %.1f ms,"
                            + " max %.1f ms; %.0f ms in wake-ups 10 ms late or more",
                    lateness.getValueAtPercentile(99) / 1e6, lateness.getValueAtPercentile(99.9) / 1e6,
                    lateness.getMaxValue() / 1e6, lostMillis);
        }
    }
}
