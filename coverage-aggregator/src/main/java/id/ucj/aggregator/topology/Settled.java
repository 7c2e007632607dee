package id.ucj.aggregator.topology;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each task of each step last found nothing left to forward or write: the job has
 * caught up with its input once every task has settled after that input was counted.
 */
public final class Settled {

	private final Map<String, Long> lastSettled = new ConcurrentHashMap<>();

	void record(CountingMetrics.Step step, int partition) {
		this.lastSettled.put(step + "-" + partition, System.nanoTime());
	}

	/**
	 * Whether every one of the step's tasks (one per partition) has settled since
	 * {@code nanoTime}.
	 */
	public boolean since(long nanoTime, CountingMetrics.Step step, int partitions) {
		for (int partition = 0; partition < partitions; partition++) {
			Long settled = this.lastSettled.get(step + "-" + partition);
			if (settled == null || settled - nanoTime < 0) {
				return false;
			}
		}
		return true;
	}

}
