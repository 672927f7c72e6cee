package org.openenvelope.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openenvelope.error.FormErrors.Placement;

class FormErrorsTest {

    /** What UsersBean.add gives it: an account that is gone names no field (a NullPointerException, then a 500). */
    @Test
    void aRefusalWithoutAFieldGoesToTheTopOfAFormWithFields() {
        assertEquals(List.of(new Placement(null, "No such account.")), FormErrors.placements(
                new ResourceNotFoundException("No such account."), Map.of("federationId", "add:federationId")));
    }

    /** What PasswordBean.change gives it when the administrator was removed meanwhile. */
    @Test
    void accessDeniedGoesToTheTopOfThePasswordForm() {
        assertEquals(List.of(new Placement(null, "Not allowed.")), FormErrors.placements(
                new AccessDeniedException("Not allowed."), Map.of("currentPassword", "password:currentPassword",
                        "newPassword", "password:newPassword")));
    }

    @Test
    void aRefusalOfAFieldGoesNextToIt() {
        assertEquals(List.of(new Placement("password:newPassword", "At least 12 characters.")), FormErrors.placements(
                new InvalidValueException("newPassword", "At least 12 characters."),
                Map.of("currentPassword", "password:currentPassword", "newPassword", "password:newPassword")));
        assertEquals(List.of(new Placement("create:name", "Taken.")), FormErrors.placements(
                new ConflictException("name", "Taken."), Map.of("name", "create:name")));
    }

    @Test
    void aFieldTheFormDoesNotHaveGoesToTheTop() {
        assertEquals(List.of(new Placement(null, "Bad page size.")), FormErrors.placements(
                new InvalidValueException("size", "Bad page size."), Map.of("name", "create:name")));
        assertEquals(List.of(new Placement(null, "Taken.")), FormErrors.placements(
                new ConflictException(null, "Taken."), Map.of("name", "create:name")));
    }

    @Test
    void eachRejectedValueGetsItsOwnLineAtTheValuesField() {
        RejectedValuesException rejected = new RejectedValuesException(List.of(
                new ValueProblem("values", "a..example", "a..example is not a domain."),
                new ValueProblem("values", "b.example", "b.example belongs to another account.")));
        List<Placement> placements = FormErrors.placements(rejected, Map.of("values", "profiles:values"));
        assertEquals(List.of(new Placement("profiles:values", rejected.getMessage()),
                new Placement("profiles:values", "a..example is not a domain."),
                new Placement("profiles:values", "b.example belongs to another account.")), placements);
    }

    @Test
    void onAFormOfSeveralFieldsEachProblemGoesNextToItsOwnFieldAndTheSummaryToTheTop() {
        RejectedValuesException rejected = new RejectedValuesException(List.of(
                new ValueProblem("ssoUrl", "http://x", "Must be https."),
                new ValueProblem("clockSkewSeconds", "900", "At most 300."),
                new ValueProblem("other", "?", "Something else.")));
        assertEquals(List.of(new Placement(null, rejected.getMessage()),
                new Placement("idp:ssoUrl", "Must be https."),
                new Placement("idp:clockSkewSeconds", "At most 300."),
                new Placement(null, "Something else.")), FormErrors.placementsForEachField(rejected,
                Map.of("ssoUrl", "idp:ssoUrl", "clockSkewSeconds", "idp:clockSkewSeconds")));
        assertEquals(List.of(new Placement(null, "No such account.")), FormErrors.placementsForEachField(
                new ResourceNotFoundException("No such account."), Map.of("ssoUrl", "idp:ssoUrl")));
    }
}
