package io.auditor.collect.parsers;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditor.collect.Parser;
import io.auditor.collect.UnrecognisedOutputException;
import io.auditor.model.Observation;
import io.auditor.model.facts.Fact;
import io.auditor.model.facts.LogonBanner;

import java.util.List;

/**
 * The logon legal notice ({@code LegalNoticeCaption}, {@code LegalNoticeText} under the System policies key), which
 * Windows shows before anyone can log on. Not set means no notice.
 */
public final class WindowsLegalNoticeParser implements Parser {
    @Override
    public String id() { return "windows-legal-notice"; }

    @Override
    public List<Fact> parse(Observation obs) throws UnrecognisedOutputException {
        JsonNode s = Json.single(obs.output(), "legal notice", "LegalNoticeCaption", "LegalNoticeText");
        String caption = LinuxLogonBannerParser.noticeText(Json.text(s, "LegalNoticeCaption"));
        String text = LinuxLogonBannerParser.noticeText(Json.text(s, "LegalNoticeText"));
        String notice = caption.isEmpty() ? text : text.isEmpty() ? caption : caption + "\n" + text;
        return List.of(new LogonBanner(obs.deviceId(), obs.probeId(), "legal notice (LegalNoticeCaption/LegalNoticeText)",
                notice));
    }
}
