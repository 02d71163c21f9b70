package org.careleaf.catalog.internal;

import java.io.IOException;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * JSON as content files must be written: strict syntax, no key twice in one object (two tools could
 * otherwise read different text from the same file), and no deeper than any real document goes.
 */
final class StrictJson {

    /** Content documents are about six levels deep; anything far deeper is not a document. */
    static final int MAX_DEPTH = 32;

    /** Why the text is not acceptable JSON, with where. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final String path;

        Refused(String path, String message) {
            super(message);
            this.path = path;
        }
    }

    private StrictJson() {
    }

    static JsonElement parse(java.io.Reader text) throws Refused {
        JsonReader reader = new JsonReader(text);
        reader.setStrictness(Strictness.STRICT);
        try {
            JsonElement tree = read(reader, new Where(), 0);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new Refused("$", "unexpected content after the end of the JSON document");
            }
            return tree;
        } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new Refused(position(reader), "JSON syntax error: " + message(e));
        }
    }

    /** Where the reader is, as names and indexes: written out as a path only when something is refused. */
    private static final class Where {
        private final java.util.ArrayList<Object> steps = new java.util.ArrayList<>();

        void push(Object step) {
            steps.add(step);
        }

        void pop() {
            steps.remove(steps.size() - 1);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("$");
            for (Object s : steps) {
                if (s instanceof Integer i) {
                    b.append('[').append(i).append(']');
                } else {
                    b.append('.').append(s);
                }
            }
            return b.toString();
        }
    }

    private static JsonElement read(JsonReader in, Where path, int depth) throws IOException, Refused {
        if (depth > MAX_DEPTH) {
            throw new Refused(path.toString(), "nested more than " + MAX_DEPTH + " levels deep; a content document is not");
        }
        switch (in.peek()) {
            case BEGIN_OBJECT -> {
                JsonObject o = new JsonObject();
                in.beginObject();
                while (in.hasNext()) {
                    String name = in.nextName();
                    path.push(name);
                    if (o.has(name)) {
                        throw new Refused(path.toString(), "the key '" + name + "' appears twice in the same object");
                    }
                    o.add(name, read(in, path, depth + 1));
                    path.pop();
                }
                in.endObject();
                return o;
            }
            case BEGIN_ARRAY -> {
                JsonArray a = new JsonArray();
                in.beginArray();
                int i = 0;
                while (in.hasNext()) {
                    path.push(i++);
                    a.add(read(in, path, depth + 1));
                    path.pop();
                }
                in.endArray();
                return a;
            }
            case STRING -> {
                return new JsonPrimitive(in.nextString());
            }
            case NUMBER -> {
                return new JsonPrimitive(new java.math.BigDecimal(in.nextString()));
            }
            case BOOLEAN -> {
                return new JsonPrimitive(in.nextBoolean());
            }
            case NULL -> {
                in.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new Refused(path.toString(), "JSON syntax error: unexpected " + in.peek());
        }
    }

    private static String position(JsonReader reader) {
        var m = java.util.regex.Pattern.compile("line (\\d+) column (\\d+)").matcher(reader.toString());
        return m.find() ? "line " + m.group(1) + " column " + m.group(2) : "$";
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (m == null) {
            return t.getClass().getSimpleName();
        }
        // Gson appends a link to its troubleshooting page; readers of a problem list need the position only
        int see = m.indexOf("\nSee ");
        return see >= 0 ? m.substring(0, see) : m;
    }
}
