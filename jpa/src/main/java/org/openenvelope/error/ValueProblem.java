package org.openenvelope.error;

/** What is wrong with one value among several submitted together. */
public record ValueProblem(String field, String value, String message) {
}
