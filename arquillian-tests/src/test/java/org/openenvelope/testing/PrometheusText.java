package org.openenvelope.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parser of the Prometheus text exposition format 0.0.4, strict enough to fail a test on anything a Prometheus
 * server would refuse: {@code # HELP} and {@code # TYPE} lines, samples {@code name{label="value",...} value}
 * with the format's escapes, one TYPE per family declared before its samples, no sample twice.
 */
public final class PrometheusText {

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern TYPE = Pattern.compile("# TYPE (\\S+) (counter|gauge|histogram|summary|untyped)");
    private static final List<String> SUFFIXES = List.of("_total", "_created", "_bucket", "_count", "_sum");

    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, String> types = new HashMap<>();

    private PrometheusText() {
    }

    /** @throws IllegalArgumentException naming the line that is not in the format */
    public static PrometheusText parse(String text) {
        PrometheusText parsed = new PrometheusText();
        String[] lines = text.split("\n", -1);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the exposition must end with a line feed");
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            try {
                parsed.line(line);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + (i + 1) + " `" + line + "`: " + e.getMessage(), e);
            }
        }
        return parsed;
    }

    private void line(String line) {
        if (line.startsWith("#")) {
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                require(NAME.matcher(type.group(1)).matches(), "bad metric name");
                require(types.put(type.group(1), type.group(2)) == null, "a second TYPE for " + type.group(1));
            } else {
                require(line.startsWith("# HELP ") || !line.startsWith("# TYPE"), "malformed TYPE");
            }
            return;
        }
        int[] at = {0};
        String name = token(line, at, NAME);
        Map<String, String> labels = new LinkedHashMap<>();
        if (at[0] < line.length() && line.charAt(at[0]) == '{') {
            at[0]++;
            while (line.charAt(at[0]) != '}') {
                String label = token(line, at, LABEL_NAME);
                require(line.startsWith("=\"", at[0]), "expected =\" after " + label);
                at[0] += 2;
                require(labels.put(label, quoted(line, at)) == null, "label " + label + " twice");
                if (line.charAt(at[0]) == ',') {
                    at[0]++;
                }
            }
            at[0]++;
        }
        require(at[0] < line.length() && line.charAt(at[0]) == ' ', "expected a space before the value");
        String[] rest = line.substring(at[0] + 1).split(" ");
        require(rest.length == 1 || rest.length == 2, "expected a value and at most a timestamp");
        double value = switch (rest[0]) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(rest[0]);
        };
        require(family(name).isPresent(), "no TYPE declared before the samples of " + name);
        Sample sample = new Sample(name, labels, value);
        require(samples.stream().noneMatch(s -> s.name.equals(name) && s.labels.equals(labels)), "sample repeated");
        samples.add(sample);
    }

    private Optional<String> family(String name) {
        if (types.containsKey(name)) {
            return Optional.of(name);
        }
        return SUFFIXES.stream().filter(name::endsWith).map(s -> name.substring(0, name.length() - s.length()))
                .filter(types::containsKey).findFirst();
    }

    private static String token(String line, int[] at, Pattern pattern) {
        int end = at[0];
        while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_'
                || line.charAt(end) == ':')) {
            end++;
        }
        String token = line.substring(at[0], end);
        require(pattern.matcher(token).matches(), "bad name `" + token + "`");
        at[0] = end;
        return token;
    }

    private static String quoted(String line, int[] at) {
        StringBuilder value = new StringBuilder();
        while (true) {
            char c = line.charAt(at[0]++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                char escaped = line.charAt(at[0]++);
                value.append(switch (escaped) {
                    case '\\' -> '\\';
                    case '"' -> '"';
                    case 'n' -> '\n';
                    default -> throw new IllegalArgumentException("bad escape \\" + escaped);
                });
            } else {
                value.append(c);
            }
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** The TYPE of the family, e.g. {@code counter}. */
    public Optional<String> type(String family) {
        return Optional.ofNullable(types.get(family));
    }

    /** The value of the sample with exactly these labels, if there is one. */
    public Optional<Double> value(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name.equals(name) && s.labels.equals(labels)).map(Sample::value)
                .findFirst();
    }

    public List<Sample> samples(String name) {
        return samples.stream().filter(s -> s.name.equals(name)).toList();
    }
}
