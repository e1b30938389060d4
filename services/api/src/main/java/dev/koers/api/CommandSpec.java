package dev.koers.api;

import dev.koers.schema.Role;
import java.util.Set;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/** One command route: the fields its body may carry, how to read them, and who may send it. */
record CommandSpec(String name, Set<String> fields, Function<JsonBody, SpecificRecord> reader,
                   Set<Role> roles) {}
