package id.ucj.aggregator.coverage;

/**
 * Someone else (a replay, a stale consumer) changed what this batch read: the batch is
 * retried on fresh reads.
 */
class ConcurrentCounting extends RuntimeException {

	ConcurrentCounting(String message) {
		super(message);
	}

}
