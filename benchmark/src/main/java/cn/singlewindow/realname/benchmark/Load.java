package cn.singlewindow.realname.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/** Runs clients in closed loops, or at a set rate, and records every operation's latency. */
final class Load {

    /**
     * {@code timeline} holds every operation as {start, latency} in nanoseconds ({@link System#nanoTime()}; the start
     * is when a paced operation was due).
     */
    record Result(String name, long operations, long errors, double seconds, Histogram latencies,
                  List<long[]> timeline) {

        double rate() {
            return operations / seconds;
        }

        double p50() {
            return latencies.getValueAtPercentile(50) / 1e6;
        }

        double p99() {
            return latencies.getValueAtPercentile(99) / 1e6;
        }

        /** The latencies of the operations that neither began nor ended inside any of the given intervals. */
        Histogram clearOf(List<long[]> intervals) {
            Histogram clear = new Histogram(latencies.getHighestTrackableValue(), 3);
            for (long[] operation : timeline) {
                long start = operation[0];
                long end = start + operation[1];
                if (intervals.stream().noneMatch(interval -> start < interval[1] && end > interval[0])) {
                    clear.recordValue(Math.max(1, operation[1]));
                }
            }
            return clear;
        }

        String summary() {
            return String.format(Locale.ROOT, "%s: %,d ops (%d errors) in %.1f s = %,.1f/s, p50 %.1f ms, p99 %.1f ms",
                    name, operations, errors, seconds, rate(), p50(), p99());
        }
    }

    private Load() {
    }

    /** Each client repeats its operation (true when it succeeded) until the time is up. */
    static Result forDuration(String name, int clients, Duration duration, IntFunction<Callable<Boolean>> client) {
        long end = System.nanoTime() + duration.toNanos();
        return run(name, clients, index -> {
            Callable<Boolean> operation = client.apply(index);
            return () -> {
                List<long[]> done = new ArrayList<>();
                while (System.nanoTime() < end) {
                    done.add(timed(operation));
                }
                return done;
            };
        });
    }

    /**
     * Operations started at a fixed rate, spread evenly, by whichever client is free. Latency counts from when an
     * operation was due, not from when a client got to it, so a service that falls behind is not flattered by
     * clients that waited for it (coordinated omission).
     */
    static Result atRate(String name, int clients, Duration duration, double perSecond,
                         IntFunction<Callable<Boolean>> client) {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        double interval = 1e9 / perSecond;
        AtomicLong next = new AtomicLong();
        Result result = run(name, clients, index -> {
            Callable<Boolean> operation = client.apply(index);
            return () -> {
                List<long[]> done = new ArrayList<>();
                for (long due = start + (long) (next.getAndIncrement() * interval); due < end;
                     due = start + (long) (next.getAndIncrement() * interval)) {
                    LockSupport.parkNanos(due - System.nanoTime());
                    long[] timed = timed(operation);
                    timed[0] = due;
                    timed[1] = System.nanoTime() - due;
                    done.add(timed);
                }
                return done;
            };
        });
        return new Result(name, result.operations(), result.errors(), duration.toNanos() / 1e9, result.latencies(),
                result.timeline());
    }

    /** The clients share a fixed list of operations. */
    static Result forEach(String name, int clients, List<Callable<Boolean>> operations) {
        AtomicLong next = new AtomicLong();
        return run(name, clients, index -> () -> {
            List<long[]> done = new ArrayList<>();
            for (long i = next.getAndIncrement(); i < operations.size(); i = next.getAndIncrement()) {
                done.add(timed(operations.get((int) i)));
            }
            return done;
        });
    }

    /** The first failure of a run, to say why errors happened. */
    static final java.util.concurrent.atomic.AtomicReference<String> FIRST_FAILURE =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** {start, latency, 1 when it succeeded}. */
    private static long[] timed(Callable<Boolean> operation) {
        long start = System.nanoTime();
        boolean ok;
        try {
            ok = operation.call();
        } catch (Exception failed) {
            FIRST_FAILURE.compareAndSet(null, String.valueOf(failed));
            ok = false;
        }
        return new long[] {start, System.nanoTime() - start, ok ? 1 : 0};
    }

    private static Result run(String name, int clients, IntFunction<Callable<List<long[]>>> client) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<List<long[]>>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(client.apply(i)));
        }
        Histogram latencies = new Histogram(3_600_000_000_000L, 3);
        List<long[]> timeline = new ArrayList<>();
        long operations = 0;
        long errors = 0;
        for (Future<List<long[]>> future : futures) {
            try {
                for (long[] done : future.get()) {
                    latencies.recordValue(Math.max(1, done[1]));
                    timeline.add(new long[] {done[0], done[1]});
                    operations++;
                    errors += done[2] == 1 ? 0 : 1;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(name, operations, errors, seconds, latencies, timeline);
    }
}
