package org.openenvelope.administrator;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ValueProblem;

/** PUT /api/v1/accounts/{number}/administrator-sign-in: both switches at once. */
@Schema(name = "AdministratorSignIn")
public record SignInPolicyRequest(
        @Schema(required = true, description = "A password sign-in needs an authenticator code too") Boolean secondFactorRequired,
        @Schema(required = true, description = "Administrators may sign in through the account's identity provider")
        Boolean identityProviderSignIn) {

    /** Every missing switch is named, all at once. */
    void requireBoth() {
        List<ValueProblem> problems = new ArrayList<>();
        if (secondFactorRequired == null) {
            problems.add(new ValueProblem("secondFactorRequired", "", "secondFactorRequired is required (true or false)."));
        }
        if (identityProviderSignIn == null) {
            problems.add(new ValueProblem("identityProviderSignIn", "", "identityProviderSignIn is required (true or false)."));
        }
        if (!problems.isEmpty()) {
            throw new RejectedValuesException(problems);
        }
    }
}
