package org.openenvelope.addin;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A step the add-in took on the message itself, or why it could not. */
@Schema(name = "AddinFlowStepReport")
public record FlowStepReport(
        @Schema(enumeration = {"FLAGGED"}, required = true) String step,
        @Schema(description = "Why the step failed, in plain words (e.g. what Outlook answered); absent when it succeeded") String failure) {
}
