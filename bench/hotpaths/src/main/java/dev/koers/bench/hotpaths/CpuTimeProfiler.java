package dev.koers.bench.hotpaths;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the benchmark's threads per operation ({@code cpu.time.norm}, from {@link ThreadMXBean}): on a
 * machine shared by more runnable threads than cores, the wall time per operation mostly measures the waiting
 * for a core, while this counts only the time the operation ran. Normalised as JMH's own {@code -prof gc}
 * normalises allocation: over every operation of the iteration. Use it with
 * {@code -prof dev.koers.bench.hotpaths.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {

  private static final String WORKER = "-jmh-worker-";

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> cpuAtStart = new HashMap<>();

  @Override
  public String getDescription() {
    return "CPU time of the benchmark's threads per operation";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
    cpuAtStart.clear();
    workers().forEach(id -> cpuAtStart.put(id, threads.getThreadCpuTime(id)));
  }

  @Override
  public Collection<? extends Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration,
      IterationResult result) {
    long cpu = 0;
    for (long id : workers()) {
      long now = threads.getThreadCpuTime(id);
      if (now >= 0) {
        // A worker that started during the iteration spent all of its time in it.
        cpu += now - cpuAtStart.getOrDefault(id, 0L);
      }
    }
    long operations = result.getMetadata().getAllOps();
    double perOperation = operations == 0 ? Double.NaN : (double) cpu / operations;
    return List.of(new ScalarResult("cpu.time.norm", perOperation, "ns/op", AggregationPolicy.AVG));
  }

  private static List<Long> workers() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().contains(WORKER))
        .map(Thread::getId)
        .toList();
  }
}
