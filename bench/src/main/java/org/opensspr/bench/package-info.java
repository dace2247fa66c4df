/**
 * Benchmarks of OpenSSPR: JMH benchmarks for hot paths (run {@code java -jar bench/target/sspr-bench.jar})
 * and, later, a load driver for whole reset flows. Figures are printed for the README and the closing
 * notes; no test asserts a timing. The harness is empty until a hot path has a target to meet.
 */
package org.opensspr.bench;
