package org.lcjp.reoffending.settings;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Collects what is wrong in one settings file while Jackson reads it: an unknown key or a value of the wrong type is
 * recorded with its key path and line, and reading goes on (the value left out, so its default stands in), so one
 * run lists every mistake. One instance per file read: it is not thread-safe.
 */
final class SettingsProblems extends DeserializationProblemHandler {
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> lines;

    /** @param lines line of each key path in the file read ({@link #keyLines}) */
    SettingsProblems(Map<String, Integer> lines) {
        this.lines = lines;
    }

    List<String> problems() {
        return problems;
    }

    @Override
    public boolean handleUnknownProperty(
            DeserializationContext ctxt,
            JsonParser p,
            JsonDeserializer<?> deserializer,
            Object beanOrClass,
            String propertyName)
            throws IOException {
        Collection<Object> known = deserializer == null ? List.of() : deserializer.getKnownPropertyNames();
        problems.add(at(p) + ": unknown key. Known keys here: "
                + String.join(
                        ", ", new TreeSet<>(known.stream().map(String::valueOf).toList())));
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(
            DeserializationContext ctxt, Class<?> targetType, String value, String failureMsg) {
        return wrong(ctxt.getParser(), "", targetType, "\"" + value + "\"");
    }

    @Override
    public Object handleWeirdNumberValue(
            DeserializationContext ctxt, Class<?> targetType, Number value, String failureMsg) {
        return wrong(ctxt.getParser(), "", targetType, String.valueOf(value));
    }

    @Override
    public Object handleWeirdKey(DeserializationContext ctxt, Class<?> rawKeyType, String keyValue, String failureMsg) {
        return wrong(ctxt.getParser(), "key ", rawKeyType, "\"" + keyValue + "\"");
    }

    @Override
    public Object handleUnexpectedToken(
            DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p, String failureMsg)
            throws IOException {
        Object none = wrong(p, "", targetType.getRawClass(), "found " + found(t));
        p.skipChildren();
        return none;
    }

    @Override
    public Object handleMissingInstantiator(
            DeserializationContext ctxt, Class<?> instClass, ValueInstantiator valueInsta, JsonParser p, String msg)
            throws IOException {
        Object none = wrong(p, "", instClass, "found " + found(p.currentToken()));
        p.skipChildren();
        return none;
    }

    /** Records a value that is not of its key's type; the value is left out (null), so the key's default stands in. */
    private Object wrong(JsonParser p, String what, Class<?> type, String shown) {
        problems.add(at(p) + ": " + what + "must be " + expected(type) + " (" + shown + ")");
        return null;
    }

    /** The key path of the value the parser is on, e.g. comparison.minimum_group_size or linkage.blocking_rules[2], and its line. */
    private String at(JsonParser p) {
        return withLine(path(p));
    }

    /** A problem "key.path: ..." (or "key.path 'rule': ...") with the key's line in the file, where the file has the key. */
    String withLine(String problem) {
        int end = 0;
        while (end < problem.length() && problem.charAt(end) != ' ' && problem.charAt(end) != ':') {
            end++;
        }
        Integer line = lines.get(problem.substring(0, end));
        return line == null ? problem : problem.substring(0, end) + " (line " + line + ")" + problem.substring(end);
    }

    /**
     * The line of every key and list item of a YAML file by key path. Jackson reads a record's keys into a buffer
     * before it calls the constructor, and a buffered value has no location, so the lines are taken in a pass of
     * their own (the file is small).
     */
    static Map<String, Integer> keyLines(JsonParser p) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
            if (t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
                lines.putIfAbsent(path(p), p.currentTokenLocation().getLineNr());
            }
        }
        return lines;
    }

    private static String path(JsonParser p) {
        JsonStreamContext c = p.getParsingContext();
        if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
            c = c.getParent();
        }
        StringBuilder path = new StringBuilder();
        for (; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                path.insert(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                path.insert(0, c.getCurrentName() + (path.isEmpty() || path.charAt(0) == '[' ? "" : "."));
            }
        }
        return path.isEmpty() ? "(top level)" : path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == LocalDate.class) {
            return "a date yyyy-MM-dd";
        }
        if (type == String.class) {
            return "text";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
            return "a section of keys";
        }
        return "a " + type.getSimpleName();
    }

    private static String found(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_OBJECT -> "a section of keys";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "nothing";
            default -> t.asString() == null ? t.name() : t.asString();
        };
    }
}
