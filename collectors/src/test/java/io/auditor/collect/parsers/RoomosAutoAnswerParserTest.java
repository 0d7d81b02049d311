package io.auditor.collect.parsers;

import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.facts.VideoConferenceSettings;
import org.junit.jupiter.api.Test;

import static io.auditor.collect.parsers.Samples.*;
import static org.junit.jupiter.api.Assertions.*;

class RoomosAutoAnswerParserTest {
    private final RoomosAutoAnswerParser parser = new RoomosAutoAnswerParser();

    @Test
    void off() throws Exception {
        assertEquals(new VideoConferenceSettings(DEVICE, "autoanswer", "Off", false, 0, "Off"),
                one(parse(parser, "autoanswer", "off.txt"), VideoConferenceSettings.class));
    }

    @Test
    void onMuted() throws Exception {
        assertEquals(new VideoConferenceSettings(DEVICE, "autoanswer", "On", true, 5, "On"),
                one(parse(parser, "autoanswer", "on-muted.txt"), VideoConferenceSettings.class));
    }

    @Test
    void olderSoftwareNumbersTheConferenceAndMayOmitSettings() throws Exception {
        VideoConferenceSettings s = one(parseText(parser, "autoanswer",
                "*c xConfiguration Conference 1 AutoAnswer Mode: On\n** end\n\nOK\n"), VideoConferenceSettings.class);
        assertEquals("On", s.autoAnswerMode());
        assertTrue(s.autoAnswerEnabled());
        assertNull(s.autoAnswerDelaySeconds());
        assertNull(s.autoAnswerMute());
    }

    @Test
    void errorReply() {
        UnrecognisedOutputException e = rejects(parser, "autoanswer", text("autoanswer", "error.txt"));
        assertEquals("the unit answered with an error: No match on address expression.", e.getMessage());
        assertEquals(1, e.line());
    }

    @Test
    void rejectsGarbageAndIncompleteReplies() {
        for (String g : GARBAGE) rejects(parser, "autoanswer", g);
        rejects(parser, "autoanswer", "");
        assertEquals(0, rejects(parser, "autoanswer", "*c xConfiguration Conference AutoAnswer Mode: Off\n").line(),
                "no ** end");
        assertEquals(0, rejects(parser, "autoanswer", "*c xConfiguration Conference AutoAnswer Delay: 0\n** end\n").line(),
                "no Mode");
        assertEquals(1, rejects(parser, "autoanswer",
                "*c xConfiguration Conference AutoAnswer Delay: soon\n*c xConfiguration Conference AutoAnswer Mode: On\n** end\n").line());
        UnrecognisedOutputException other = rejects(parser, "autoanswer",
                "*c xConfiguration Conference AutoAnswer Mode: On\n*c xConfiguration Conference MaxReceiveCallRate: 6000\n** end\n");
        assertEquals(2, other.line(), "a setting other than AutoAnswer");
        assertTrue(other.getMessage().startsWith("not an xConfiguration Conference AutoAnswer line: "), other.getMessage());
    }
}
