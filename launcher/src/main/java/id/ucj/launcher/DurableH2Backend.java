package id.ucj.launcher;

import java.util.Set;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 file backend as the launcher ships it (the benchmark measures this one too),
 * committed after every write command. H2's own background commit runs once a second, so
 * a killed launcher could lose writes that MongoDB clients were told had succeeded, and
 * exact counts rely on that never happening. A commit writes to the file (the OS keeps it
 * even if the process is killed).
 */
public final class DurableH2Backend extends H2Backend {

	private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create", "drop",
			"createindexes", "dropindexes", "dropdatabase", "renamecollection");

	/**
	 * Pages cached in memory, in MB: queries that scan a collection then stay off the
	 * disk.
	 */
	private static final int CACHE_MB = 512;

	/**
	 * How long chunks no longer in use are kept before their space is reused, in ms (H2's
	 * default: 45 s, so that an operating system crash cannot lose a chunk the last
	 * header still needs before the disk flushed it). Every write is committed, so each
	 * write command writes a chunk: under load, 45 s of them made a store of 112,000
	 * participants 2.4 GiB. A process that dies leaves its writes with the operating
	 * system, which this store is for.
	 */
	private static final int RETENTION_MS = 1_000;

	public DurableH2Backend(String fileName) {
		super(open(fileName));
	}

	private static MVStore open(String fileName) {
		MVStore store = new MVStore.Builder().fileName(fileName).cacheSize(CACHE_MB).open();
		store.setRetentionTime(RETENTION_MS);
		return store;
	}

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		Document answer = super.handleCommand(channel, database, command, query);
		if (WRITES.contains(command.toLowerCase(java.util.Locale.ROOT))) {
			commit();
		}
		return answer;
	}

}
