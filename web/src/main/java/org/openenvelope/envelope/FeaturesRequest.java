package org.openenvelope.envelope;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ValueProblem;

/** PUT /api/v1/accounts/{number}/features: every feature at once; the numbers may be null (none, or no limit). */
@Schema(name = "AccountFeatures")
public record FeaturesRequest(
        @Schema(required = true) Boolean secureReply, @Schema(required = true) Boolean replyAll,
        @Schema(required = true) Boolean forward, @Schema(required = true) Boolean readReceipts,
        @Schema(description = "Days until a new envelope expires (1–3650); null: it does not") Integer defaultExpiryDays,
        @Schema(description = "The longest expiry from sealing (1–3650); null: no limit") Integer maxExpiryDays,
        @Schema(description = "The largest message in MB, within the service's limit; null: the service's") Integer maxMessageMegabytes,
        @Schema(required = true) Boolean passwordSignIn, @Schema(required = true) Boolean codeSignIn,
        @Schema(required = true) Boolean ssoSignIn) {

    /** As the service takes them; every missing switch is named, all at once. */
    EnvelopeFeatures features() {
        List<ValueProblem> problems = new ArrayList<>();
        boolean[] on = {
            required("secureReply", secureReply, problems), required("replyAll", replyAll, problems),
            required("forward", forward, problems), required("readReceipts", readReceipts, problems),
            required("passwordSignIn", passwordSignIn, problems), required("codeSignIn", codeSignIn, problems),
            required("ssoSignIn", ssoSignIn, problems)};
        if (!problems.isEmpty()) {
            throw new RejectedValuesException(problems);
        }
        return new EnvelopeFeatures(on[0], on[1], on[2], on[3], defaultExpiryDays, maxExpiryDays, maxMessageMegabytes,
                on[4], on[5], on[6]);
    }

    private static boolean required(String field, Boolean value, List<ValueProblem> problems) {
        if (value == null) {
            problems.add(new ValueProblem(field, "", field + " is required (true or false)."));
            return false;
        }
        return value;
    }
}
