/**
 * Benchmarks of OpenSSPR. JMH benchmarks for hot paths (run {@code java -jar bench/target/sspr-bench.jar}):
 * today the breached-password lookup and one evaluation with every password rule against a
 * 100-million-hash corpus. {@link org.opensspr.bench.LoadDriver} (run
 * {@code java -cp bench/target/sspr-bench.jar org.opensspr.bench.LoadDriver}) drives the packaged
 * server through whole resets, device check-ins, raw directory writes, a trivial endpoint and a
 * flood, and prints rates, latencies and errors (docs/performance.md). Figures are printed for the
 * docs and the closing notes; no test asserts a timing. {@code bench/coldstart.sh} times the
 * server from {@code java -jar} to healthy.
 */
package org.opensspr.bench;
