#!/usr/bin/env python3
"""Outside reader: checks Koers's decision log with no Koers code at all.

It uses only what docs/wire-format.md promises an outsider: the released schema files
(schemas/history/*/DecisionEvent.avsc), Avro's single-object encoding, and the hash-chain recipe. It reads the
events topic with Debian's python3-confluent-kafka, finds each record's writer schema by its fingerprint
(CRC-64-AVRO of the schema's Parsing Canonical Form, computed here from the Avro specification), decodes it
with Debian's python3-avro, and recomputes every decision's hash chain (or one decision's, with --decision).

Exit codes: 0 every chain checked verifies, 1 something is broken (or --decision names a decision that has no
events), 2 usage error or the topic could not be read.

    /usr/bin/python3 tools/outside-reader/verify_chain.py --bootstrap-servers 127.0.0.1:9092 [--decision ID]
"""

import argparse
import glob
import hashlib
import io
import json
import os
import struct
import sys
import time
import uuid

import avro.io
import avro.schema
from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaError, TopicPartition

EVENTS_TOPIC = "koers.decision.events"
MARKER = b"\xc3\x01"
HEADER_BYTES = 10
HASH_BYTES = 32
GENESIS = bytes(HASH_BYTES)

# --- Parsing Canonical Form and CRC-64-AVRO, from the Avro specification ("Schema Fingerprints") ---

PRIMITIVES = {"null", "boolean", "int", "long", "float", "double", "bytes", "string"}
NAMED = {"record", "error", "enum", "fixed"}


def _full_name(name, namespace):
    if "." in name or not namespace:
        return name
    return namespace + "." + name


def canonical_form(schema, namespace=None, seen=None):
    """The Parsing Canonical Form of a schema given as parsed JSON: [PRIMITIVES], [FULLNAMES], [STRIP],
    [ORDER], [STRINGS], [INTEGERS], [WHITESPACE]; a named type written a second time is just its full name."""
    seen = set() if seen is None else seen
    if isinstance(schema, str):
        if schema in PRIMITIVES:
            return json.dumps(schema)
        return json.dumps(_full_name(schema, namespace))
    if isinstance(schema, list):
        return "[" + ",".join(canonical_form(s, namespace, seen) for s in schema) + "]"
    kind = schema["type"]
    if kind in PRIMITIVES:
        return json.dumps(kind)
    if kind == "array":
        return '{"type":"array","items":' + canonical_form(schema["items"], namespace, seen) + "}"
    if kind == "map":
        return '{"type":"map","values":' + canonical_form(schema["values"], namespace, seen) + "}"
    if kind in NAMED:
        name = _full_name(schema["name"], schema.get("namespace", namespace))
        if name in seen:
            return json.dumps(name)
        seen.add(name)
        inner = name.rsplit(".", 1)[0] if "." in name else None
        out = '{"name":' + json.dumps(name, ensure_ascii=False) + ',"type":' + json.dumps(kind)
        if kind in ("record", "error"):
            fields = ",".join(
                '{"name":' + json.dumps(f["name"], ensure_ascii=False) + ',"type":'
                + canonical_form(f["type"], inner, seen) + "}"
                for f in schema["fields"])
            out += ',"fields":[' + fields + "]"
        elif kind == "enum":
            out += ',"symbols":' + json.dumps(schema["symbols"], separators=(",", ":"), ensure_ascii=False)
        else:
            out += ',"size":' + str(int(schema["size"]))
        return out + "}"
    # A type given by name inside an object, e.g. {"type": "dev.koers.schema.Actor"}.
    return canonical_form(kind, namespace, seen)


_EMPTY = 0xC15D213AA4D7A795
_TABLE = []
for _i in range(256):
    _fp = _i
    for _ in range(8):
        _fp = (_fp >> 1) ^ (_EMPTY & -(_fp & 1))
    _TABLE.append(_fp & 0xFFFFFFFFFFFFFFFF)


def crc64_avro(data):
    fp = _EMPTY
    for b in data:
        fp = (fp >> 8) ^ _TABLE[(fp ^ b) & 0xFF]
    return fp


def load_writer_schemas(history_dir):
    """Every released DecisionEvent schema, by fingerprint (unsigned 64-bit)."""
    writers = {}
    for path in sorted(glob.glob(os.path.join(history_dir, "*", "DecisionEvent.avsc"))):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        fingerprint = crc64_avro(canonical_form(json.loads(text)).encode("utf-8"))
        writers[fingerprint] = (path, avro.schema.parse(text))
    return writers


# --- Reading the topic ---

def read_topic(bootstrap_servers, topic, timeout_seconds):
    """Yields (partition, offset, key, value) for every committed record, from the start to the end."""
    consumer = Consumer({
        "bootstrap.servers": bootstrap_servers,
        # librdkafka wants a group id, but assign() never joins the group and nothing is committed.
        "group.id": "koers-outside-reader-" + uuid.uuid4().hex,
        "enable.auto.commit": False,
        "isolation.level": "read_committed",
        "enable.partition.eof": True,
        "auto.offset.reset": "earliest",
    })
    try:
        metadata = consumer.list_topics(topic, timeout=timeout_seconds)
        info = metadata.topics.get(topic)
        if info is None or info.error is not None or not info.partitions:
            raise RuntimeError("topic %s cannot be read at %s: %s"
                               % (topic, bootstrap_servers, info.error if info else "absent"))
        partitions = sorted(info.partitions)
        consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in partitions])
        unfinished = set(partitions)
        deadline = time.monotonic() + timeout_seconds
        while unfinished:
            if time.monotonic() > deadline:
                raise RuntimeError("timed out reading partitions %s of %s" % (sorted(unfinished), topic))
            msg = consumer.poll(0.5)
            if msg is None:
                continue
            if msg.error():
                if msg.error().code() == KafkaError._PARTITION_EOF:
                    unfinished.discard(msg.partition())
                    continue
                raise RuntimeError("cannot read %s: %s" % (topic, msg.error()))
            yield msg.partition(), msg.offset(), msg.key(), msg.value()
    finally:
        consumer.close()


# --- Checking the chain (docs/wire-format.md, "The hash chain of the log") ---

class ChainCheck:

    def __init__(self, writers, only_decision):
        self.writers = writers
        self.only = only_decision
        self.heads = {}  # decision id -> (sequence, hash)
        self.problems = []
        self.events = 0

    def problem(self, partition, offset, decision, sequence, what):
        self.problems.append("BROKEN decision=%s sequence=%s partition=%d offset=%d: %s"
                             % (decision, sequence, partition, offset, what))

    def check(self, partition, offset, key, value):
        key_text = key.decode("utf-8", "replace") if key is not None else None
        if self.only is not None and key_text != self.only:
            return
        if value is None or len(value) < HEADER_BYTES + HASH_BYTES or value[:2] != MARKER:
            self.problem(partition, offset, key_text, None, "not an Avro single-object record")
            return
        (fingerprint,) = struct.unpack("<Q", value[2:HEADER_BYTES])
        if fingerprint not in self.writers:
            self.problem(partition, offset, key_text, None, "unknown writer schema %016x" % fingerprint)
            return
        body = value[HEADER_BYTES:]
        stream = io.BytesIO(body)
        try:
            event = avro.io.DatumReader(self.writers[fingerprint][1]).read(avro.io.BinaryDecoder(stream))
        except Exception as e:  # any decoding failure is a broken record, reported like the others
            self.problem(partition, offset, key_text, None, "cannot decode: %s" % e)
            return
        decision, sequence = event["decisionId"], event["sequence"]
        if stream.tell() != len(body):
            self.problem(partition, offset, decision, sequence, "bytes left over after the event")
        self.events += 1
        stored = body[-HASH_BYTES:]
        if event["hash"] != stored:
            self.problem(partition, offset, decision, sequence, "hash is not the body's last 32 bytes")
        if hashlib.sha256(body[:-HASH_BYTES]).digest() != stored:
            self.problem(partition, offset, decision, sequence, "hash is not SHA-256 of the body before it")
        last_sequence, last_hash = self.heads.get(decision, (0, GENESIS))
        if sequence != last_sequence + 1:
            self.problem(partition, offset, decision, sequence, "expected sequence %d" % (last_sequence + 1))
        if event["previousHash"] != last_hash:
            self.problem(partition, offset, decision, sequence,
                         "previousHash is not the hash of the event before it")
        self.heads[decision] = (sequence, stored)


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description="Recompute Koers decision hash chains from Kafka, "
                                                 "with only the .avsc files and docs/wire-format.md.")
    parser.add_argument("--bootstrap-servers", required=True)
    parser.add_argument("--topic-prefix", default="", help="prefix of the Koers topic names")
    parser.add_argument("--decision", help="check only this decision (default: every decision)")
    parser.add_argument("--schemas", default=os.path.join(here, "..", "..", "schemas", "history"),
                        help="the released schemas (default: the repository's schemas/history)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to read the topic (default 60)")
    args = parser.parse_args(argv)

    writers = load_writer_schemas(args.schemas)
    if not writers:
        print("no DecisionEvent.avsc under %s" % args.schemas, file=sys.stderr)
        return 2
    topic = args.topic_prefix + EVENTS_TOPIC
    check = ChainCheck(writers, args.decision)
    try:
        for record in read_topic(args.bootstrap_servers, topic, args.timeout):
            check.check(*record)
    except RuntimeError as e:
        print("verify_chain: %s" % e, file=sys.stderr)
        return 2
    for line in check.problems:
        print(line)
    if args.decision is not None and args.decision not in check.heads:
        print("BROKEN decision=%s: no events of it in %s" % (args.decision, topic))
        return 1
    schemas = ", ".join("%016x %s" % (fp, os.path.relpath(p[0], args.schemas)) for fp, p in writers.items())
    verdict = "VERIFIED" if not check.problems else "BROKEN (%d problems)" % len(check.problems)
    print("%s: %d events of %d decisions in %s; writer schemas %s"
          % (verdict, check.events, len(check.heads), topic, schemas))
    return 0 if not check.problems else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
