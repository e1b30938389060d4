package dev.koers.wire;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * One memory budget for all the RocksDB stores of one Streams application: their block caches, index and
 * filter blocks and memtables share one LRU cache, as Kafka Streams' "bounded memory" recipe does. Without it
 * each store's instance (stores × partitions) takes its own 50 MB cache and up to three 16 MB memtables, so a
 * views instance grew past 1.5 GB of native memory folding a large log (docs/benchmarks.md, memory). The
 * budget reaches the stores through the application's configs, not a static field, so every application
 * (and every test) has its own and frees it when it closes.
 */
public final class RocksDbMemory implements AutoCloseable {

  /** Each application's budget: 128 MB, half of it memtables, for all its stores on this instance. */
  public static final long PER_APPLICATION = 128L << 20;
  /** The config key that carries the budget to {@link BoundedStores}. */
  static final String CONFIG = "koers.rocksdb.memory";
  /** Of the budget, at most this share for memtables; the rest caches blocks. */
  private static final double MEMTABLE_SHARE = 0.5;
  private static final double INDEX_AND_FILTER_SHARE = 0.1;

  private final Cache cache;
  private final WriteBufferManager writeBuffers;

  public RocksDbMemory(long bytes) {
    RocksDB.loadLibrary(); // Idempotent; Kafka Streams loads it only when it opens the first store.
    this.cache = new LRUCache(bytes, -1, false, INDEX_AND_FILTER_SHARE);
    this.writeBuffers = new WriteBufferManager((long) (bytes * MEMTABLE_SHARE), cache);
  }

  /** Puts the budget and the setter that applies it into an application's configuration. */
  public Properties applyTo(Properties properties) {
    properties.put(CONFIG, this);
    properties.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedStores.class);
    return properties;
  }

  @Override
  public void close() {
    writeBuffers.close();
    cache.close();
  }

  /** Points each store at its application's shared cache and write buffer manager. */
  public static final class BoundedStores implements RocksDBConfigSetter {

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
      if (!(configs.get(CONFIG) instanceof RocksDbMemory memory)) {
        return; // An application built without a budget (TopologyTestDriver) keeps RocksDB's defaults.
      }
      BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
      table.setBlockCache(memory.cache);
      table.setCacheIndexAndFilterBlocks(true);
      table.setCacheIndexAndFilterBlocksWithHighPriority(true);
      table.setPinTopLevelIndexAndFilter(true);
      options.setWriteBufferManager(memory.writeBuffers);
      options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
      // The cache and the write buffer manager are the application's: RocksDbMemory.close frees them.
    }
  }
}
