package dev.koers.wire;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics Koers needs when they are missing; existing topics are left as they are. */
public final class TopicProvisioner {

  private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

  private final Admin admin;
  private final short replicationFactor;

  public TopicProvisioner(Admin admin, short replicationFactor) {
    this.admin = admin;
    this.replicationFactor = replicationFactor;
  }

  public void ensure(List<Topic<?, ?>> topics) {
    try {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = topics.stream()
          .filter(t -> !existing.contains(t.name()))
          .map(t -> t.newTopic(replicationFactor))
          .toList();
      if (missing.isEmpty()) {
        return;
      }
      admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      LOG.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
    } catch (ExecutionException e) {
      // Another instance may have created them a moment earlier: that is the state we wanted.
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create Koers topics: " + e.getCause().getMessage(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("cannot create Koers topics: " + e.getMessage(), e);
    }
  }
}
