package io.auditor.collect.parsers;

import io.auditor.collect.Parser;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads {@code samples/formats/<probe>/<case>.txt} (Surefire runs in the module folder). */
final class Samples {
    static final Path DIR = Path.of("..", "samples", "formats");
    static final String DEVICE = "dev-01";
    /** When the samples were taken: the day of the recordings (samples/formats/README.md), after every date in them. */
    static final Instant OBSERVED = Instant.parse("2026-11-25T12:00:00Z");

    private Samples() {}

    static String text(String probe, String file) {
        try {
            return new String(Files.readAllBytes(DIR.resolve(probe).resolve(file)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Observation observation(String probe, String output) {
        return new Observation(DEVICE, probe, "command of " + probe, output, 0, OBSERVED, 12, false);
    }

    static List<Fact> parse(Parser parser, String probe, String file) throws UnrecognisedOutputException {
        List<Fact> facts = parser.parse(observation(probe, text(probe, file)));
        for (Fact f : facts) {
            assertEquals(DEVICE, f.deviceId(), "deviceId of " + f);
            assertEquals(probe, f.source(), "source of " + f);
        }
        return facts;
    }

    static List<Fact> parseText(Parser parser, String probe, String output) throws UnrecognisedOutputException {
        return parser.parse(observation(probe, output));
    }

    static UnrecognisedOutputException rejects(Parser parser, String probe, String output) {
        UnrecognisedOutputException e = assertThrows(UnrecognisedOutputException.class,
                () -> parser.parse(observation(probe, output)), () -> "accepted " + output);
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        return e;
    }

    static <T extends Fact> List<T> only(List<Fact> facts, Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends Fact> T one(List<Fact> facts, Class<T> type) {
        List<T> l = only(facts, type);
        assertEquals(1, l.size(), () -> "expected one " + type.getSimpleName() + " in " + facts);
        return l.get(0);
    }

    /** Output that is no probe's format. */
    static final List<String> GARBAGE = List.of(
            "bash: line 1: command not found\n",
            "<html><body>502 Bad Gateway</body></html>\n",
            "\u0000\u0001\u0002 binary \u00ff\n");

    /** Output that is not the JSON a PowerShell probe prints: an error, truncated or bare JSON, a wrongly typed field. */
    static final List<String> JSON_GARBAGE = List.of("Get-MpComputerStatus : Access denied\r\n", "{\"a\": ",
            "42", "\"text\"", "[{\"Name\": [1]}]", "null");

    /** Asserts that a PowerShell JSON parser rejects every {@link #GARBAGE} and {@link #JSON_GARBAGE} output. */
    static void rejectsGarbageJson(Parser parser, String probe) {
        for (String g : GARBAGE) rejects(parser, probe, g);
        for (String g : JSON_GARBAGE) rejects(parser, probe, g);
    }
}
