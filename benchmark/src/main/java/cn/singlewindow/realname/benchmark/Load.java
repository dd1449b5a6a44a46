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

    record Result(String name, long operations, long errors, double seconds, Histogram latencies) {

        double rate() {
            return operations / seconds;
        }

        double p50() {
            return latencies.getValueAtPercentile(50) / 1e6;
        }

        double p99() {
            return latencies.getValueAtPercentile(99) / 1e6;
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
                    timed[0] = System.nanoTime() - due;
                    done.add(timed);
                }
                return done;
            };
        });
        return new Result(name, result.operations(), result.errors(), duration.toNanos() / 1e9, result.latencies());
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

    private static long[] timed(Callable<Boolean> operation) {
        long start = System.nanoTime();
        boolean ok;
        try {
            ok = operation.call();
        } catch (Exception failed) {
            FIRST_FAILURE.compareAndSet(null, String.valueOf(failed));
            ok = false;
        }
        return new long[] {System.nanoTime() - start, ok ? 1 : 0};
    }

    private static Result run(String name, int clients, IntFunction<Callable<List<long[]>>> client) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<List<long[]>>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(client.apply(i)));
        }
        Histogram latencies = new Histogram(3_600_000_000_000L, 3);
        long operations = 0;
        long errors = 0;
        for (Future<List<long[]>> future : futures) {
            try {
                for (long[] done : future.get()) {
                    latencies.recordValue(Math.max(1, done[0]));
                    operations++;
                    errors += done[1] == 1 ? 0 : 1;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(name, operations, errors, seconds, latencies);
    }
}
