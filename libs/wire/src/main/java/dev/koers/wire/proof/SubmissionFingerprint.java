package dev.koers.wire.proof;

import dev.koers.schema.Submission;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * The fingerprint of a submission a tool builds itself (the Java client): its command, actor, occurredAt and
 * expected sequence. Its submittedAt is left out, so a resend later is still the same request.
 */
public final class SubmissionFingerprint {

  private SubmissionFingerprint() {}

  public static String of(Submission submission) {
    SpecificRecord command = (SpecificRecord) submission.getCommand();
    return FieldDigest.sha256("koers-submission-fingerprint-v1")
        .add(command.getSchema().getFullName())
        .add(binary(command))
        .add(submission.getActor().getId())
        .add(submission.getActor().getRole().name())
        .add(String.valueOf(submission.getOccurredAt().toEpochMilli()))
        .add(submission.getExpectedSequence() == null ? null : submission.getExpectedSequence().toString())
        .hex();
  }

  /** The caller a tool's submission is owned by, when the tool names none: its actor. */
  public static Origin origin(Submission submission) {
    return new Origin("actor:" + submission.getActor().getRole().name() + ":" + submission.getActor().getId(),
        of(submission));
  }

  private static byte[] binary(SpecificRecord record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
