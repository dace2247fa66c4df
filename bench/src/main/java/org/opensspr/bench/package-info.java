/**
 * Benchmarks of OpenSSPR: JMH benchmarks for hot paths (run {@code java -jar bench/target/sspr-bench.jar});
 * today the breached-password lookup and one evaluation with every password rule against a
 * 100-million-hash corpus. Figures are printed for the README and the closing notes; no test
 * asserts a timing. {@code bench/coldstart.sh} times the server from {@code java -jar} to healthy.
 */
package org.opensspr.bench;
