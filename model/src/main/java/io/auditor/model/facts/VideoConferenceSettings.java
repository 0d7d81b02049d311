package io.auditor.model.facts;

/**
 * Settings of a video-conference unit. Fields the probe did not return are null.
 *
 * @param autoAnswerMode       the unit's own word, for example {@code Off}, {@code On}
 * @param autoAnswerEnabled    true when incoming calls are answered without a person
 * @param autoAnswerDelaySeconds delay before auto answer, when reported
 * @param autoAnswerMute       whether the microphone starts muted on auto answer, when reported
 */
public record VideoConferenceSettings(String deviceId, String source, String autoAnswerMode,
                                      Boolean autoAnswerEnabled, Integer autoAnswerDelaySeconds,
                                      String autoAnswerMute) implements Fact {
}
