package org.opensspr.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;

/**
 * Runs one phase at one concurrency: {@code concurrency} threads call the operation in a loop
 * until the window ends, then the driver waits for the operations in flight (each bounded by the
 * client timeouts) up to a grace period. A thread still busy after that is abandoned (its thread
 * is a daemon) and reported, so a server that stops answering never hangs the driver.
 */
final class PhaseRunner {

    /** One operation of a virtual user; records its steps, its success or its error into {@code stats}. */
    interface Operation {
        void run(int worker, Stats stats) throws InterruptedException;
    }

    /**
     * What one phase at one concurrency measured. The CPU figures are the average cores the server,
     * the driver and everything else on the machine used from the window's start until the last
     * operation ended; {@code loadAverage} is the machine's 1-minute load average at that end.
     */
    record Result(
            String phase,
            int concurrency,
            double windowSeconds,
            Stats stats,
            double serverCores,
            double driverCores,
            double otherCores,
            int abandonedWorkers,
            String loadAverage) {

        double opsPerSecond() {
            return stats.okInWindow() / windowSeconds;
        }
    }

    private final DoubleSupplier serverCpuSeconds;
    private final Duration grace;

    PhaseRunner(ServerProcess server, Duration grace) {
        this(server::cpuSeconds, grace);
    }

    /** @param serverCpuSeconds the CPU seconds the server side used so far (for a cluster: all its nodes) */
    PhaseRunner(DoubleSupplier serverCpuSeconds, Duration grace) {
        this.serverCpuSeconds = serverCpuSeconds;
        this.grace = grace;
    }

    /** Runs {@code operation} for {@code warmUp} (not recorded) and then for {@code duration}. */
    Result run(
            String phase, int concurrency, Duration warmUp, Duration duration, List<String> steps, Operation operation)
            throws InterruptedException {
        if (!warmUp.isZero()) {
            Stats discarded = new Stats(Long.MAX_VALUE, steps);
            run(concurrency, warmUp, discarded, operation);
        }
        double serverCpu = serverCpuSeconds.getAsDouble();
        double driverCpu = ProcStat.self();
        double machine = ProcStat.machineBusySeconds();
        long start = System.nanoTime();
        Stats stats = new Stats(start + duration.toNanos(), steps);
        int abandoned = run(concurrency, duration, stats, operation);
        double serverUsed = serverCpuSeconds.getAsDouble() - serverCpu;
        double driverUsed = ProcStat.self() - driverCpu;
        double machineUsed = ProcStat.machineBusySeconds() - machine;
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(
                phase,
                concurrency,
                duration.toNanos() / 1e9,
                stats,
                serverUsed / elapsed,
                driverUsed / elapsed,
                Math.max(0, machineUsed - serverUsed - driverUsed) / elapsed,
                abandoned,
                ProcStat.loadAverage());
    }

    private int run(int concurrency, Duration duration, Stats stats, Operation operation) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>(concurrency);
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            Thread t = new Thread(
                    () -> {
                        while (!stop.get() && System.nanoTime() < end) {
                            try {
                                operation.run(worker, stats);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            } catch (RuntimeException e) {
                                // a bug of the driver's, not the server's: count it and go on
                                stats.error("driver:" + e.getClass().getSimpleName());
                            }
                        }
                    },
                    "load-" + worker);
            t.setDaemon(true);
            workers.add(t);
        }
        workers.forEach(Thread::start);
        long giveUp = end + grace.toNanos();
        int abandoned = 0;
        for (Thread t : workers) {
            long left = Math.max(1, (giveUp - System.nanoTime()) / 1_000_000);
            t.join(left);
            if (t.isAlive()) {
                abandoned++;
            }
        }
        stop.set(true);
        if (abandoned > 0) {
            workers.forEach(Thread::interrupt);
            stats.error("driver:abandoned-worker");
        }
        return abandoned;
    }
}
