package cn.singlewindow.realname.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the machine's CPU went during a workload, per operation: the service's process, this load driver, and
 * everything else (on the benchmark machine: PostgreSQL), and the time the host's hypervisor gave the machine's
 * processors to others (steal). Tells a slow service from a saturated machine, and either from a contended host.
 */
final class CpuShare {

    /** Linux reports process and machine times in clock ticks of 10 ms (USER_HZ). */
    private static final double MS_PER_TICK = 10;

    private final String servicePid;
    private final long serviceTicks;
    private final MachineTicks machine;
    private final long driverNanos;

    /**
     * The machine's first line of {@code /proc/stat}, read once per sample: busy is user, nice, system, irq and
     * softirq (not idle, iowait or steal); stolen is the time a processor of this virtual machine was ready to run
     * but the host ran someone else.
     */
    private record MachineTicks(long busy, long stolen) {
        static MachineTicks now() {
            String[] cpu = read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7}) {
                busy += Long.parseLong(cpu[i]);
            }
            return new MachineTicks(busy, cpu.length > 8 ? Long.parseLong(cpu[8]) : 0);
        }
    }

    private CpuShare(String servicePid) {
        this.servicePid = servicePid;
        this.serviceTicks = servicePid == null ? 0 : serviceTicks(servicePid);
        this.machine = MachineTicks.now();
        this.driverNanos = driverNanos();
    }

    static CpuShare start(String servicePid) {
        return new CpuShare(servicePid);
    }

    /**
     * "CPU per operation: service 4.1 ms, driver 1.0 ms, other (PostgreSQL) 0.8 ms, stolen 0.1 ms", or empty
     * without a pid.
     */
    String perOperation(long operations) {
        if (servicePid == null || operations == 0) {
            return "";
        }
        double service = (serviceTicks(servicePid) - serviceTicks) * MS_PER_TICK;
        MachineTicks now = MachineTicks.now();
        double busy = (now.busy() - machine.busy()) * MS_PER_TICK;
        double driver = (driverNanos() - driverNanos) / 1e6;
        double stolen = (now.stolen() - machine.stolen()) * MS_PER_TICK;
        return String.format(Locale.ROOT, "CPU per operation: service %.2f ms, load driver %.2f ms,"
                        + " other processes (PostgreSQL) %.2f ms, stolen by the host %.2f ms", service / operations,
                driver / operations, Math.max(0, busy - service - driver) / operations, stolen / operations);
    }

    private static long serviceTicks(String pid) {
        String stat = read(Path.of("/proc", pid, "stat"));
        // Fields after the command name, which is in parentheses and may contain spaces: utime is the 12th.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long driverNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
