package dev.koers.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

class RocksDbMemoryTest {

  @Test
  void putsTheBudgetAndItsSetterIntoTheApplicationsConfiguration() {
    try (RocksDbMemory memory = new RocksDbMemory(8L << 20)) {
      Properties properties = memory.applyTo(new Properties());

      assertThat(properties.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG))
          .isEqualTo(RocksDbMemory.BoundedStores.class);
      assertThat(properties.get(RocksDbMemory.CONFIG)).isSameAs(memory);
    }
  }

  @Test
  void pointsEveryStoreAtTheSharedCacheAndWriteBufferManager() {
    try (RocksDbMemory memory = new RocksDbMemory(8L << 20);
         Options first = new Options().setTableFormatConfig(new BlockBasedTableConfig());
         Options second = new Options().setTableFormatConfig(new BlockBasedTableConfig())) {
      Map<String, Object> configs = new HashMap<>();
      configs.put(RocksDbMemory.CONFIG, memory);

      new RocksDbMemory.BoundedStores().setConfig("a", first, configs);
      new RocksDbMemory.BoundedStores().setConfig("b", second, configs);

      BlockBasedTableConfig table = (BlockBasedTableConfig) first.tableFormatConfig();
      assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
      assertThat(first.writeBufferManager()).isNotNull().isSameAs(second.writeBufferManager());
    }
  }

  @Test
  void leavesRocksDbsDefaultsWhenTheApplicationHasNoBudget() {
    try (Options options = new Options().setTableFormatConfig(new BlockBasedTableConfig())) {
      new RocksDbMemory.BoundedStores().setConfig("a", options, Map.of());

      assertThat(((BlockBasedTableConfig) options.tableFormatConfig()).cacheIndexAndFilterBlocks()).isFalse();
      assertThat(options.writeBufferManager()).isNull();
    }
  }
}
