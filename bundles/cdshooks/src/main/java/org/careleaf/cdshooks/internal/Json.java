package org.careleaf.cdshooks.internal;

import java.io.IOException;
import java.io.StringReader;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * Reading request JSON strictly, with every refusal naming the JSON path. A wrong shape inside FHIR
 * data (prefetch, draft orders) is {@code malformed-bundle}; elsewhere {@code bad-request}.
 */
final class Json {

    private Json() {
    }

    static JsonObject parseObject(String body) throws RequestRejected {
        if (body == null || body.isBlank()) {
            throw RequestRejected.bad("bad-json", "the request body is empty; send the request as JSON");
        }
        try {
            JsonReader reader = new JsonReader(new StringReader(body));
            reader.setStrictness(Strictness.STRICT);
            JsonElement e = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw RequestRejected.bad("bad-json", "the request body has data after the JSON object");
            }
            return object(e, "the request body");
        } catch (IOException | RuntimeException e) {
            // Gson reports syntax, nesting depth and number errors as runtime exceptions
            throw RequestRejected.bad("bad-json", "the request body is not valid JSON");
        }
    }

    static JsonObject object(JsonElement e, String path) throws RequestRejected {
        if (e == null || !e.isJsonObject()) {
            throw wrong(path, path + " must be a JSON object");
        }
        return e.getAsJsonObject();
    }

    /** A member that must be an object when present; null when absent or null. */
    static JsonObject optionalObject(JsonObject o, String name, String path) throws RequestRejected {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : object(e, path);
    }

    /** A member that must be an array when present; null when absent or null. */
    static JsonArray optionalArray(JsonObject o, String name, String path) throws RequestRejected {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonArray()) {
            throw wrong(path, path + " must be an array");
        }
        return e.getAsJsonArray();
    }

    /** A string member, or null when absent or null; any other type is refused. */
    static String string(JsonObject o, String name, String path) throws RequestRejected {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw wrong(path, "'" + path + "' must be a string");
        }
        return e.getAsString();
    }

    /** A string member, or null when it is absent or anything but a string: for data that is only a hint. */
    static String lenientString(JsonObject o, String name) {
        JsonElement e = o == null ? null : o.get(name);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
    }

    static RequestRejected wrong(String path, String message) {
        boolean fhir = path.startsWith("prefetch.") || path.startsWith("context.draftOrders");
        return RequestRejected.bad(fhir ? "malformed-bundle" : "bad-request", message);
    }
}
