package org.openenvelope.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.function.Function;

/**
 * JSON-B deserializers that take a value only from the JSON type it is: Yasson on its own turns {@code 42} into the
 * string "42", {@code 2.5} into the integer 2 and an overflowing number into another one. Each refusal is a
 * {@link JsonbException}, which Yasson reports with the property's name ({@link JsonProblems} answers
 * {@code invalid_value} naming it). A JSON null stays null: whether it is allowed is the operation's to say.
 *
 * <p>The value is read with {@link JsonParser#getValue()}: Yasson's parser does not support
 * {@code currentEvent()}.
 */
final class StrictScalars {

    private StrictScalars() {
    }

    static JsonbDeserializer<?>[] all() {
        return new JsonbDeserializer<?>[] {new Text(), new WholeNumber(), new LongNumber(), new Truth()};
    }

    static final class Text implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            return switch (value.getValueType()) {
                case STRING -> ((JsonString) value).getString();
                case NULL -> null;
                default -> throw new JsonbException("a string is expected, not " + describe(value));
            };
        }
    }

    static final class WholeNumber implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return whole(parser.getValue(), BigDecimal::intValueExact, Integer.MAX_VALUE);
        }
    }

    static final class LongNumber implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return whole(parser.getValue(), BigDecimal::longValueExact, Long.MAX_VALUE);
        }
    }

    static final class Truth implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            return switch (value.getValueType()) {
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case NULL -> null;
                default -> throw new JsonbException("true or false is expected, not " + describe(value));
            };
        }
    }

    /** A whole number that fits ({@code exact} throws when it does not), or null for JSON null. */
    private static <T> T whole(JsonValue value, Function<BigDecimal, T> exact, long max) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
            throw new JsonbException("an integer is expected, not " + (value.getValueType() == JsonValue.ValueType.NUMBER
                    ? "a fraction" : describe(value)));
        }
        try {
            return exact.apply(((JsonNumber) value).bigDecimalValue());
        } catch (ArithmeticException overflow) {
            throw new JsonbException("the number is out of range (at most " + max + ")");
        }
    }

    private static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            default -> "null";
        };
    }
}
