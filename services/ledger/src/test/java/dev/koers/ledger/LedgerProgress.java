package dev.koers.ledger;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import dev.koers.wire.KoersTopics;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * How far the ledger has got, as Kafka sees it: the submissions it has committed (its group's offsets, which
 * move only when a transaction commits) against the submissions published (the topic's end offsets), and
 * whether a transaction of its is open on the broker right now.
 */
final class LedgerProgress {

  private final Admin admin;
  private final String applicationId;
  private final List<TopicPartition> submissions;

  private final List<TopicPartition> outputs;

  LedgerProgress(Admin admin, String applicationId, KoersTopics topics, int partitions) {
    this.admin = admin;
    this.applicationId = applicationId;
    this.submissions = partitions(topics.submissions().name(), partitions);
    this.outputs = Stream.concat(partitions(topics.events().name(), partitions).stream(),
        partitions(topics.outcomes().name(), partitions).stream()).toList();
  }

  /** Submissions whose processing the ledger has committed. */
  long committed() {
    Map<TopicPartition, OffsetAndMetadata> offsets;
    try {
      offsets = get(admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata());
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return 0;
      }
      throw e;
    }
    return submissions.stream().map(offsets::get).filter(o -> o != null).mapToLong(OffsetAndMetadata::offset)
        .sum();
  }

  /** Submissions published so far. */
  long published() {
    return ends(submissions, IsolationLevel.READ_UNCOMMITTED);
  }

  /**
   * Records of a transaction still open, already on the broker, in the events and outcomes topics: the
   * distance between their high watermarks and their last stable offsets. A crash now cuts them off.
   */
  long inOpenTransaction() {
    return ends(outputs, IsolationLevel.READ_UNCOMMITTED) - ends(outputs, IsolationLevel.READ_COMMITTED);
  }

  long backlog() {
    return published() - committed();
  }

  /**
   * Removes the members a killed ledger left in its group. A SIGKILL leaves no time to leave the group, so
   * its dynamic member would hold its partitions until its session expires (45 s by default) and a restarted
   * ledger would wait that long; an orchestrator that knows the process is gone removes it, as we do here.
   * Exactly-once does not depend on it: the restarted ledger fences the dead one by its transactional id.
   */
  void forgetDeadMembers() {
    ConsumerGroupDescription group = get(admin.describeConsumerGroups(List.of(applicationId)).all())
        .get(applicationId);
    if (!group.members().isEmpty()) {
      get(admin.removeMembersFromConsumerGroup(applicationId, new RemoveMembersFromConsumerGroupOptions()).all());
    }
  }

  int members() {
    return get(admin.describeConsumerGroups(List.of(applicationId)).all()).get(applicationId).members().size();
  }

  private long ends(List<TopicPartition> partitions, IsolationLevel isolation) {
    Map<TopicPartition, OffsetSpec> latest = partitions.stream()
        .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
    return get(admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all()).values().stream()
        .mapToLong(ListOffsetsResultInfo::offset).sum();
  }

  private static List<TopicPartition> partitions(String topic, int count) {
    return IntStream.range(0, count).mapToObj(p -> new TopicPartition(topic, p)).toList();
  }

  private static <T> T get(KafkaFuture<T> future) {
    try {
      return future.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka did not answer within 30 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
