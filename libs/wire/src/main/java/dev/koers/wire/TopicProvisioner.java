package dev.koers.wire;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and checks the Koers topics. {@link #create} is what {@code koers topics create} runs: it creates what
 * is missing and says what it found, and a second run changes nothing. {@link #verify} is what a service runs at
 * start against a cluster: it creates nothing and stops on the first topic that is missing or set up wrongly.
 */
public final class TopicProvisioner {

  private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
  private static final long TIMEOUT_S = 30;

  private final Admin admin;
  private final short replicationFactor;

  /** @param replicationFactor of topics it creates; -1 takes the broker's default */
  public TopicProvisioner(Admin admin, short replicationFactor) {
    this.admin = admin;
    this.replicationFactor = replicationFactor;
  }

  /** Creates the topics that are missing, leaving existing ones as they are (the embedded default, tests). */
  public void ensure(List<Topic<?, ?>> topics) {
    Set<String> existing = call(admin.listTopics().names());
    List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).map(this::newTopic).toList();
    if (!missing.isEmpty()) {
      createAll(missing);
      LOG.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
    }
  }

  /**
   * Creates the missing topics and checks the existing ones, one line each to {@code report}.
   *
   * @return the number of topics created
   * @throws TopicProblem naming the first existing topic whose required settings differ
   */
  public int create(List<Topic<?, ?>> topics, Consumer<String> report) {
    Set<String> existing = call(admin.listTopics().names());
    List<Topic<?, ?>> present = topics.stream().filter(t -> existing.contains(t.name())).toList();
    Map<String, Map<String, String>> configs = configsOf(present);
    Map<String, TopicDescription> descriptions = describe(present);
    for (Topic<?, ?> topic : present) {
      String difference = TopicRequirements.difference(topic, configs.get(topic.name()));
      if (difference != null) {
        throw new TopicProblem("topic " + topic.name() + " exists with " + difference
            + "; Koers does not change an existing topic: fix it with kafka-configs.sh, or use another --topic-prefix");
      }
      TopicDescription description = descriptions.get(topic.name());
      int replicas = description.partitions().get(0).replicas().size();
      report.accept(topic.name() + ": exists with the right settings (" + description.partitions().size()
          + " partitions, replication " + replicas + "), unchanged");
    }
    List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).map(this::newTopic).toList();
    createAll(missing);
    for (NewTopic topic : missing) {
      report.accept(topic.name() + ": created (" + topic.numPartitions() + " partitions, replication "
          + (replicationFactor == -1 ? "broker default" : replicationFactor) + ", " + topic.configs() + ")");
    }
    report.accept(missing.isEmpty() ? "nothing changed: all " + topics.size() + " topics exist with the right settings"
        : "created " + missing.size() + " of " + topics.size() + " topics");
    return missing.size();
  }

  /** @throws TopicProblem naming the first topic that is missing or whose required settings differ */
  public void verify(List<Topic<?, ?>> topics) {
    Set<String> existing = call(admin.listTopics().names());
    for (Topic<?, ?> topic : topics) {
      if (!existing.contains(topic.name())) {
        throw new TopicProblem("topic " + topic.name() + " does not exist: create the topics first with "
            + "'koers topics create' (docs/operations.md)");
      }
    }
    Map<String, Map<String, String>> configs = configsOf(topics);
    for (Topic<?, ?> topic : topics) {
      String difference = TopicRequirements.difference(topic, configs.get(topic.name()));
      if (difference != null) {
        throw new TopicProblem("topic " + topic.name() + " has " + difference);
      }
    }
  }

  private NewTopic newTopic(Topic<?, ?> topic) {
    NewTopic created = topic.newTopic(replicationFactor);
    // With three replicas, a write is acknowledged by two: one broker may fail without losing anything.
    if (replicationFactor >= 3) {
      Map<String, String> configs = new HashMap<>(topic.configs());
      configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
      created.configs(configs);
    }
    return created;
  }

  private void createAll(Collection<NewTopic> topics) {
    if (topics.isEmpty()) {
      return;
    }
    try {
      admin.createTopics(topics).all().get(TIMEOUT_S, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      // Another instance may have created them a moment earlier: that is the state we wanted.
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create Koers topics: " + e.getCause().getMessage(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("cannot create Koers topics within " + TIMEOUT_S + " s", e);
    }
  }

  private Map<String, Map<String, String>> configsOf(List<Topic<?, ?>> topics) {
    List<ConfigResource> resources = topics.stream()
        .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList();
    Map<ConfigResource, Config> described = call(admin.describeConfigs(resources).all());
    Map<String, Map<String, String>> configs = new HashMap<>();
    described.forEach((resource, config) -> {
      Map<String, String> values = new HashMap<>();
      for (ConfigEntry entry : config.entries()) {
        values.put(entry.name(), entry.value());
      }
      configs.put(resource.name(), values);
    });
    return configs;
  }

  private Map<String, TopicDescription> describe(List<Topic<?, ?>> topics) {
    List<String> names = new ArrayList<>(topics.stream().map(Topic::name).toList());
    return names.isEmpty() ? Map.of() : call(admin.describeTopics(names).allTopicNames());
  }

  private static <T> T call(KafkaFuture<T> future) {
    try {
      return future.get(TIMEOUT_S, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the Koers topics: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the Koers topics", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka did not describe the Koers topics within " + TIMEOUT_S + " s", e);
    }
  }
}
